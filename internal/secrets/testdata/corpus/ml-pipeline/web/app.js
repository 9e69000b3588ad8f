const mapsKey = "AIza{w:35}"; ⟪KR334⟫
const shopify = "shpat_{h:32}"; ⟪KR350⟫
const publishable = "pk_live_{A:24}"; ⟪decoy⟫
const apiBase = "https://api.acme.dev/v2"; ⟪decoy⟫
const uuid = "{uuid}"; ⟪decoy⟫
