package secrets

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// want is a finding a test expects: its code, line and a fragment of its message.
type want struct {
	Code string
	Line int
	Msg  string
}

func findingsOf(t *testing.T, rel, src string) []want {
	t.Helper()
	var got []want
	for _, f := range check(New(Options{}), rel, src) {
		got = append(got, want{f.Code, f.Line, f.Message})
	}
	return got
}

// matchWants compares findings with expectations whose Msg is a fragment.
func matchWants(t *testing.T, got, exp []want) {
	t.Helper()
	ok := len(got) == len(exp)
	for i := 0; ok && i < len(got); i++ {
		ok = got[i].Code == exp[i].Code && got[i].Line == exp[i].Line && strings.Contains(got[i].Msg, exp[i].Msg)
	}
	if !ok {
		t.Errorf("findings (-want +got):\n%s", cmp.Diff(exp, got))
	}
}

func TestGenericConfig(t *testing.T) {
	tests := []struct {
		name, rel, src string
		want           []want
	}{
		{"env", ".env", "DEBUG=1\nDB_PASSWORD=Xk9mP2vQ7rTz\nAPI_TOKEN=\"q8Zr3LwP0sKd7YbN2mVc\"\nSECRET_KEY=${SECRET_KEY}\n",
			[]want{{"KR380", 2, "bound to DB_PASSWORD (Xk9m…)"}, {"KR380", 3, "API_TOKEN"}}},
		{"env_placeholders", ".env", "DB_PASSWORD=changeme\nAPI_KEY=<your-api-key>\nTOKEN=\nPASSWORD=xxxxxxxx\nAUTH_TOKEN=$AUTH_TOKEN\nSECRET={{ secret }}\nPASSWORD_MIN_LENGTH=12\n", nil},
		{"yaml_nested", "config/settings.yaml", "database:\n  host: db\n  password: \"Xk9mP2vQ7rTz\"\n  password_file: /run/secrets/db\n", []want{{"KR380", 3, "password"}}},
		{"json", "config.json", "{\n  \"name\": \"app\",\n  \"client_secret\": \"b7Yq2LmZ9xPe4RtW\",\n  \"token_url\": \"https://auth.acme.dev/token\"\n}\n", []want{{"KR380", 3, "client_secret"}}},
		{"toml", "app.toml", "[smtp]\nuser = \"mailer\"\npassword = 'Pq7#mZ2x!Lr9'\n", []want{{"KR380", 3, "password"}}},
		{"ini", "app.ini", "[db]\npassword = Pq7mZ2xLr9Wd ; prod\npasswd=\n", []want{{"KR380", 2, "password"}}},
		{"properties", "application.properties", "spring.datasource.password=Pq7mZ2xLr9Wd\nspring.datasource.url=jdbc:mysql://db/app\n", []want{{"KR380", 1, "password"}}},
		{"dockerfile", "Dockerfile", "FROM python:3.12\nENV API_KEY=Zk2Lq9Wm4Xr7Pn3B\nARG NPM_TOKEN\nENV DB_PASSWORD s3cr3tPassw0rd9\n",
			[]want{{"KR380", 2, "API_KEY"}, {"KR380", 4, "DB_PASSWORD"}}},
		{"shell", "deploy.sh", "#!/bin/sh\nexport DEPLOY_TOKEN=\"Zk2Lq9Wm4Xr7Pn3B\"\nexport PATH=$PATH:/opt/bin\n", []want{{"KR380", 2, "DEPLOY_TOKEN"}}},
		{"compose", "docker-compose.yml", "services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=Pq7mZ2xLr9Wd\n      POSTGRES_USER: app\n      - \"REDIS_PASSWORD=Zk2Lq9Wm4Xr7\"\n", []want{{"KR380", 4, "POSTGRES_PASSWORD"}, {"KR380", 6, "REDIS_PASSWORD (Zk2L…)"}}},
		{"k8s_env", "k8s/deploy.yaml", "env:\n  - name: DB_PASSWORD\n    value: \"Pq7mZ2xLr9Wd\"\n  - name: LOG_LEVEL\n    value: debug\n", []want{{"KR380", 3, "DB_PASSWORD"}}},
		{"k8s_secret_base64", "k8s/secret.yaml", "kind: Secret\ndata:\n  password: UHE3bVoyeExyOVdk\n  token: Y2hhbmdlbWU=\n", []want{{"KR380", 3, "password"}}},
		{"terraform", "main.tf", "variable \"db_password\" {\n  default = \"Pq7mZ2xLr9Wd\"\n}\nresource \"x\" \"y\" {\n  password = var.db_password\n}\n", []want{{"KR380", 2, "db_password"}}},
		{"netrc", ".netrc", "machine api.acme.dev login bot password Pq7mZ2xLr9Wd\nmachine api.heroku.com login me@acme.dev password 6f1c2a4e-7b3d-4e8f-9a0b-1c2d3e4f5a6b\n",
			[]want{{"KR380", 1, "password"}, {"KR380", 2, "password"}}},
		{"netrc_multiline", ".netrc", "machine git.acme.dev\n  login deploy\n  password Pq7mZ2xLr9Wd\n", []want{{"KR380", 3, "password"}}},
		{"entropy", "settings.yaml", "signing_salt: q8Zr3LwP0sKd7YbN2mVcXe5T\ncache_key_prefix: app\nlicense_key: LIC-2024-PRO\n", []want{{"KR382", 1, "signing_salt"}}},
		{"hashes_and_ids", "config.yaml", "password_hash: 5f4dcc3b5aa765d61d8327deb882cf99\nrequest_id: 6f1c2a4e-7b3d-4e8f-9a0b-1c2d3e4f5a6b\ntoken_type: bearer\n", nil},
		{"provider_wins", ".env", "STRIPE_SECRET_KEY=sk_live_" + "4Xk9mP2vQ7rTzB8nL3wY6cRd\n", []want{{"KR337", 1, "Stripe live secret key"}}},
		{"python_is_left_to_the_engine", "app/settings.py", "DB_PASSWORD = 'Xk9mP2vQ7rTz'\n", nil},
		{"flags", "deploy.sh", "mysql -u root -pPq7mZ2xLr9Wd shop < dump.sql\ndocker run -e DB_PASSWORD=Pq7mZ2xLr9Wd app\nhelm install --set x=1 --db-password=Pq7mZ2xLr9Wd app\ncli --token \"$TOKEN\" --password-file /run/pw\n",
			[]want{{"KR380", 1, "password"}, {"KR380", 2, "DB_PASSWORD"}, {"KR380", 3, "db-password"}}},
		{"uuid_api_key", ".env", "API_KEY=6f1c2a4e-7b3d-4e8f-9a0b-1c2d3e4f5a6b\nREQUEST_ID=6f1c2a4e-7b3d-4e8f-9a0b-1c2d3e4f5a6b\n", []want{{"KR380", 1, "API_KEY"}}},
		{"xml", "settings.xml", "<server>\n  <id>nexus</id>\n  <password>Pq7mZ2xLr9Wd</password>\n</server>\n<add key=\"ApiToken\" value=\"Zk2Lq9Wm4Xr7Pn3B\"/>\n",
			[]want{{"KR380", 3, "password"}, {"KR380", 5, "ApiToken"}}},
		{"javascript", "web/src/api.js", "const apiKey = \"Zk2Lq9Wm4Xr7Pn3B\";\nconst passwordLabel = \"Enter your password\";\n// const token = \"Zk2Lq9Wm4Xr7Pn3B\";\nconst password = process.env.PASSWORD;\n",
			[]want{{"KR380", 1, "apiKey"}}},
		{"flag_tail_is_not_a_name", "docs/search.yaml", "example: gcloud search --page-token=\"ala9Zk2Lq9Wm4Xr7\"\n", nil},
		{"other_quote_inside", "inventory.yml", "    secret_key: \"{{ lookup('env', 'SECRET_KEY') }}\"\n    api_token: \"Zk2Lq9'Wm4Xr7Pn3B\"\n", []want{{"KR380", 2, "api_token"}}},
		{"yaml_tags", "config.yml", "password: !vault |\ndb_password: !secret db_password\nalias_password: *default_password\nini_pass: !dBi2ewQr8t**4\nbang_password: !Zk2Lq9Wm4Xr7\n",
			[]want{{"KR380", 4, "ini_pass"}, {"KR380", 5, "bang_password"}}},
		{"s3cfg", ".s3cfg", "[default]\nsecret_key = Zk9/qL3pM+x8Tq2vR7sN0wYbC4dE6fGhJ1kL5mN9\nhost_base = s3.amazonaws.com\n", []want{{"KR380", 2, "secret_key"}}},
		{"php_define", "wp-config.php", "<?php\ndefine( 'DB_USER', 'wp' );\ndefine( 'DB_PASSWORD', 'Pq7mZ2xLr9Wd' );\ndefine( 'AUTH_KEY', 'q8Z:r3L{wP0s]Kd7Yb|N2mVc+Xe5T' );\ndefine( 'NONCE_KEY', 'put your unique phrase here' );\n",
			[]want{{"KR380", 3, "DB_PASSWORD"}, {"KR380", 4, "AUTH_KEY"}}},
		{"java_set_property", "src/Mail.java", "props.setProperty(\"mail.smtp.password\", \"Pq7mZ2xLr9Wd\");\nprops.setProperty(\"mail.smtp.host\", \"smtp.acme.dev\");\n", []want{{"KR380", 1, "password"}}},
		{"go", "cmd/main.go", "token := \"Zk2Lq9Wm4Xr7Pn3B\"\nif password == \"Zk2Lq9Wm4Xr7Pn3B\" {\n", []want{{"KR380", 1, "token"}}},
		{"cache_key_is_not_a_secret", "config.yaml", "cache_key: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b\n", nil},
		{"request_tokens_and_words", "data.json", "{\"input_token\": \"Marker\", \"ClientRequestToken\": \"6f1c2a4e-7b3d-4e8f-9a0b-1c2d3e4f5a6b\"}\n\"api_key\": \"Position\"\n\"password\": \"letmein\"\n",
			[]want{{"KR380", 3, "password"}}},
		{"shell_prefix", "backup.sh", "PGPASSWORD=Pq7mZ2xLr9Wd pg_dump -h db app > dump.sql\nsshpass -p 'Zk2Lq9Wm4Xr7' ssh deploy@host\n", []want{{"KR380", 1, "PGPASSWORD"}, {"KR380", 2, "password"}}},
		{"inline_table", "pyproject.toml", "db = { user = \"app\", password = \"Pq7mZ2xLr9Wd\" }\n", []want{{"KR380", 1, "password"}}},
		{"pgpass", ".pgpass", "# host:port:db:user:password\ndb.internal:5432:app:app:Pq7mZ2xLr9Wd\n", []want{{"KR380", 2, "password"}}},
		{"docker_auth", ".docker/config.json", "{\n  \"auths\": {\n    \"registry.acme.dev\": {\n      \"auth\": \"Ym90OlpLMmxROVdtNFhyNw==\"\n    }\n  }\n}\n", []want{{"KR380", 4, "auth"}}},
		{"yaml_secrets_section", "config.yaml", "secrets:\n  stripe: Zk2Lq9Wm4Xr7Pn3B\n  username: admin\n  host: db.internal\n  internal: Pq7mZ2xLr9Wd\nlogging:\n  level: Zk2Lq9Wm4Xr7Pn3B\n",
			[]want{{"KR380", 2, "secrets.stripe"}, {"KR380", 5, "secrets.internal"}}},
		{"ini_credentials_section", "app.ini", "[credentials]\nservice_a = Zk2Lq9Wm4Xr7Pn3B\nuser = admin\n[server]\nworkers = Zk2Lq9Wm4Xr7Pn3B\n",
			[]want{{"KR380", 2, "credentials"}}},
		{"bom_crlf", ".env", "\uFEFFDB_PASSWORD=Xk9mP2vQ7rTz\r\nAPI_TOKEN=\"q8Zr3LwP0sKd7YbN2mVc\"\r\n",
			[]want{{"KR380", 1, "DB_PASSWORD (Xk9m…)"}, {"KR380", 2, "API_TOKEN (q8Zr…)"}}},
		{"public_keys", "settings.json", "{\"stripe_key\": \"pk_live_4Xk9mP2vQ7rTzB8nL3wY6cRd\", \"mapbox_token\": \"pk.eyJ1IjoiYWNtZSJ9.Zk2Lq9Wm4Xr7Pn3B\"}\n", nil},
		{"fernet", "airflow.cfg", "[core]\nfernet_key = q8Zr3LwP0sKd7YbN2mVcXe5Tq8Zr3LwP0sKd7YbN2mV=\n", []want{{"KR382", 2, "fernet_key"}}},
		{"secret_key_base", "config/secrets.yml", "production:\n  secret_key_base: 9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5\n  secret_name: prod/app\n", []want{{"KR382", 2, "secret_key_base"}}},
		{"requirepass", "docker-compose.yml", "    command: redis-server --requirepass Zk2Lq9Wm4Xr7Pn3BQ8\n", []want{{"KR380", 1, "password"}}},
		{"uuid_env_token", ".circleci/config.yml", "      CODECOV_TOKEN: 6f1c2a4e-7b3d-4e8f-9a0b-1c2d3e4f5a6b\n      ClientRequestToken: 6f1c2a4e-7b3d-4e8f-9a0b-1c2d3e4f5a6b\n", []want{{"KR380", 1, "CODECOV_TOKEN"}}},
		{"dynaconf", "settings.toml", "[default]\nsecret_key = \"@format {env[SECRET_KEY]}\"\npassword = \"@Zk2Lq9Wm4Xr7\"\n", []want{{"KR380", 3, "password"}}},
		{"name_value_objects", "taskdef.json", "{\"environment\": [{\"name\": \"DB_PASSWORD\", \"value\": \"Pq7mZ2xLr9Wd\"}, {\"name\": \"LOG_LEVEL\", \"value\": \"debug\"}]}\n[{\"ParameterKey\": \"DbPassword\", \"ParameterValue\": \"Zk2Lq9Wm4Xr7\"}]\n",
			[]want{{"KR380", 1, "DB_PASSWORD"}, {"KR380", 2, "DbPassword"}}},
		{"template_file", ".env.example", "DB_PASSWORD=Xk9mP2vQ7rTz\n", []want{{"KR380", 1, "DB_PASSWORD"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			matchWants(t, findingsOf(t, tt.rel, tt.src), tt.want)
		})
	}
}

func TestNotebook(t *testing.T) {
	nb := `{
 "cells": [
  {
   "cell_type": "code",
   "source": [
    "import openai\n",
    "openai.api_key = \"sk-` + "Zk2Lq9Wm4Xr7Pn3B" + "Tq8Hv1Dc5Jy6Gf0N" + "Ua3Ks7Ew2Bo9Ir4M" + `\"\n",
    "db = connect(host=\"db\", password=\"Pq7mZ2xLr9Wd\")\n",
    "token = os.environ[\"TOKEN\"]\n"
   ],
   "outputs": [
    {"name": "stdout", "text": ["postgres://app:Pq7mZ2xLr9Wd@db.internal/app\n"]}
   ]
  }
 ]
}`
	matchWants(t, findingsOf(t, "analysis.ipynb", nb), []want{
		{"KR342", 7, "OpenAI"}, {"KR380", 8, "password"}, {"KR381", 12, "PostgreSQL password in a URL"},
	})
}
