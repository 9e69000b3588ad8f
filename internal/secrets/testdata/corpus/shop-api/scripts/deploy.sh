#!/usr/bin/env bash
set -euo pipefail
export HEROKU_API_KEY={uuid} ⟪KR353⟫
curl -u deploy:{A:16} https://ci.acme.dev/api/deploy ⟪KR383⟫
curl -H "Authorization: Bearer {A:40}" https://api.acme.dev/v1/release ⟪KR383⟫
curl -H "Authorization: Bearer $RELEASE_TOKEN" https://api.acme.dev/v1/release ⟪decoy⟫
export NPM_TOKEN=npm_{A:36} ⟪KR347⟫
docker login -u acme -p "$DOCKER_PASSWORD" ⟪decoy⟫
export DB_PASSWORD="$(vault kv get -field=password secret/db)" ⟪decoy⟫
TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{w:120} twine upload dist/* ⟪KR346⟫
git clone https://x-access-token:${GITHUB_TOKEN}@github.com/acme/shop.git ⟪decoy⟫
export VAULT_TOKEN=hvs.{w:95} ⟪KR361⟫
sort -u hosts.txt
