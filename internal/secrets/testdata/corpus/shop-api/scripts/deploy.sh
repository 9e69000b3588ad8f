#!/usr/bin/env bash
set -euo pipefail
export HEROKU_API_KEY={uuid}
curl -u deploy:{A:16} https://ci.acme.dev/api/deploy
curl -H "Authorization: Bearer {A:40}" https://api.acme.dev/v1/release
curl -H "Authorization: Bearer $RELEASE_TOKEN" https://api.acme.dev/v1/release
export NPM_TOKEN=npm_{A:36}
docker login -u acme -p "$DOCKER_PASSWORD"
export DB_PASSWORD="$(vault kv get -field=password secret/db)"
TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{w:120} twine upload dist/*
git clone https://x-access-token:${GITHUB_TOKEN}@github.com/acme/shop.git
export VAULT_TOKEN=hvs.{w:95}
sort -u hosts.txt
