const mapsKey = "AIza{w:35}";
const shopify = "shpat_{h:32}";
const publishable = "pk_live_{A:24}";
const apiBase = "https://api.acme.dev/v2";
const uuid = "{uuid}";
