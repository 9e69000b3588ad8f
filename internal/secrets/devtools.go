package secrets

import (
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

func toolRule(code, name, summary, what, example, instead, title, ref string) *analysis.Rule {
	return newRule(ruleSpec{
		code: code, name: name, summary: summary, severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
		what: what, lang: "shell", example: example, instead: instead, refTitle: title, ref: ref,
	})
}

// AtlassianToken is the rule of the Atlassian detectors.
var AtlassianToken = toolRule("KR358", "atlassian-api-token", "atlassian (jira, confluence) api token in a file",
	"Atlassian API tokens (`ATATT3…`), and legacy tokens bound to a Jira, Confluence or Atlassian name.",
	"JIRA_API_TOKEN=ATATT3…", "JIRA_API_TOKEN=$(op read op://ci/jira/token)",
	"Atlassian: manage API tokens", "https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/")

// HashiCorpToken is the rule of the Vault and Terraform Cloud detectors.
var HashiCorpToken = toolRule("KR361", "hashicorp-token", "vault or terraform cloud token in a file",
	"HashiCorp Vault service and batch tokens (`hvs.`, `hvb.`) and Terraform Cloud API tokens (`….atlasv1.…`).",
	"VAULT_TOKEN=hvs.…", "vault login -method=oidc  # short-lived token outside the project",
	"Vault: tokens", "https://developer.hashicorp.com/vault/docs/concepts/tokens")

// DatabricksToken is the rule of the Databricks detector.
var DatabricksToken = toolRule("KR363", "databricks-token", "databricks personal access token in a file",
	"Databricks personal access tokens (`dapi` and 32 hex digits).",
	"DATABRICKS_TOKEN=dapi…", "databricks auth login  # OAuth instead of a stored token",
	"Databricks: personal access tokens", "https://docs.databricks.com/en/dev-tools/auth/pat.html")

// PulumiToken is the rule of the Pulumi detector.
var PulumiToken = toolRule("KR364", "pulumi-token", "pulumi access token in a file",
	"Pulumi Cloud access tokens (`pul-` and 40 hex digits).",
	"PULUMI_ACCESS_TOKEN=pul-…", "PULUMI_ACCESS_TOKEN=${{ secrets.PULUMI_ACCESS_TOKEN }}",
	"Pulumi: access tokens", "https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/")

// PostmanKey is the rule of the Postman detector.
var PostmanKey = toolRule("KR366", "postman-api-key", "postman api key in a file",
	"Postman API keys (`PMAK-…`).", "POSTMAN_API_KEY=PMAK-…", "POSTMAN_API_KEY=${POSTMAN_API_KEY}",
	"Postman: API keys", "https://learning.postman.com/docs/developer/postman-api/authentication/")

// DopplerToken is the rule of the Doppler detector.
var DopplerToken = toolRule("KR367", "doppler-token", "doppler token in a file",
	"Doppler personal, service, service account and CLI tokens (`dp.pt.`, `dp.st.`, `dp.sa.`, `dp.ct.`).",
	"DOPPLER_TOKEN=dp.st.prd.…", "doppler run -- python app.py  # the token stays in the CI secret store",
	"Doppler: service tokens", "https://docs.doppler.com/docs/service-tokens")

// LinearKey is the rule of the Linear detector.
var LinearKey = toolRule("KR368", "linear-api-key", "linear api key in a file",
	"Linear personal API keys (`lin_api_…`).", "LINEAR_API_KEY=lin_api_…", "LINEAR_API_KEY=${LINEAR_API_KEY}",
	"Linear: API authentication", "https://linear.app/developers/graphql#authentication")

// NotionToken is the rule of the Notion detector.
var NotionToken = toolRule("KR369", "notion-token", "notion integration token in a file",
	"Notion internal integration tokens (`ntn_…`, and the older `secret_…`).", "NOTION_TOKEN=ntn_…", "NOTION_TOKEN=${NOTION_TOKEN}",
	"Notion: authorization", "https://developers.notion.com/docs/authorization")

// AirtableToken is the rule of the Airtable detectors.
var AirtableToken = toolRule("KR370", "airtable-token", "airtable personal access token in a file",
	"Airtable personal access tokens (`pat….…`) and legacy API keys bound to an Airtable name.",
	"AIRTABLE_TOKEN=patAbc….…", "AIRTABLE_TOKEN=${AIRTABLE_TOKEN}",
	"Airtable: personal access tokens", "https://airtable.com/developers/web/guides/personal-access-tokens")

// DropboxToken is the rule of the Dropbox detectors.
var DropboxToken = toolRule("KR371", "dropbox-token", "dropbox access token in a file",
	"Dropbox short-lived access tokens (`sl.…`).", "DROPBOX_TOKEN=sl.…", "DROPBOX_REFRESH_TOKEN=${DROPBOX_REFRESH_TOKEN}",
	"Dropbox: OAuth guide", "https://developers.dropbox.com/oauth-guide")

// FigmaToken is the rule of the Figma detector.
var FigmaToken = toolRule("KR372", "figma-token", "figma personal access token in a file",
	"Figma personal access tokens (`figd_…`).", "FIGMA_TOKEN=figd_…", "FIGMA_TOKEN=${FIGMA_TOKEN}",
	"Figma: access tokens", "https://www.figma.com/developers/api#access-tokens")

// OktaToken is the rule of the Okta detector.
var OktaToken = toolRule("KR373", "okta-api-token", "okta api token in a file",
	"Okta API tokens (`00` and 40 characters) bound to an Okta name.", "OKTA_API_TOKEN=00…", "OKTA_API_TOKEN=${OKTA_API_TOKEN}",
	"Okta: API tokens", "https://developer.okta.com/docs/guides/create-an-api-token/main/")

// ServiceToken is the rule of the detectors of other services' tokens.
var ServiceToken = toolRule("KR376", "service-api-token", "api token of another online service in a file",
	"tokens of other online services with a distinctive format: Mapbox secret tokens, Supabase, Netlify, "+
		"Microsoft Teams webhooks, CircleCI, HubSpot, "+
		"PlanetScale, Shippo, EasyPost, Typeform, Flutterwave, Adafruit IO, Firebase Cloud Messaging, "+
		"Prefect, Sourcegraph, 1Password service accounts, Infracost, Contentful, Frame.io, and Cloudflare "+
		"and Algolia keys bound to their names. The provider is named in each finding.",
	"SUPABASE_ACCESS_TOKEN=sbp_…", "SUPABASE_ACCESS_TOKEN=${SUPABASE_ACCESS_TOKEN}",
	"OWASP: secrets management cheat sheet", "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html")

var (
	atlassianRe    = regexp.MustCompile(`\b(ATATT3[A-Za-z0-9_\-=]{50,})`)
	atlassianCtxRe = assignedTo(`(?:atlassian|jira|confluence)[\w.\-]{0,20}?(?:token|key|secret)`, `[A-Za-z0-9]{24}`)
	vaultRe        = regexp.MustCompile(`\b(hv[sb]\.[A-Za-z0-9_\-]{90,})`)
	vaultLegacyRe  = assignedTo(`vault[\w.\-]{0,20}?token`, `s\.[A-Za-z0-9]{24}`)
	tfcRe          = regexp.MustCompile(`\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_\-=]{60,70})`)
	databricksRe   = regexp.MustCompile(`\b(dapi[a-f0-9]{32}(?:-\d)?)\b`)
	pulumiRe       = regexp.MustCompile(`\b(pul-[a-f0-9]{40})\b`)
	postmanRe      = regexp.MustCompile(`\b(PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})\b`)
	dopplerRe      = regexp.MustCompile(`\b(dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_\-]{1,40}\.)?[A-Za-z0-9]{40,44})\b`)
	linearRe       = regexp.MustCompile(`\b(lin_api_[A-Za-z0-9]{40})\b`)
	notionRe       = regexp.MustCompile(`\b(ntn_[0-9]{11}[A-Za-z0-9]{32,36}|secret_[A-Za-z0-9]{43})\b`)
	airtableRe     = regexp.MustCompile(`\b(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})\b`)
	airtableOldRe  = assignedTo(`airtable`, `key[A-Za-z0-9]{14}`)
	dropboxRe      = regexp.MustCompile(`\b(sl\.[A-Za-z0-9_\-]{130,})`)
	figmaRe        = regexp.MustCompile(`\b(figd_[A-Za-z0-9_\-]{40})`)
	oktaRe         = assignedTo(`okta`, `00[A-Za-z0-9_\-]{40}`)
	mapboxRe       = regexp.MustCompile(`\b(sk\.eyJ[A-Za-z0-9_\-]{50,}\.[A-Za-z0-9_\-]{20,})`)
	supabaseRe     = regexp.MustCompile(`\b(sbp_[a-f0-9]{40})\b`)
	netlifyRe      = regexp.MustCompile(`\b(nfp_[A-Za-z0-9]{36})\b`)
	planetscaleRe  = regexp.MustCompile(`\b(pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_\-.]{32,64})`)
	shippoRe       = regexp.MustCompile(`\b(shippo_live_[a-f0-9]{40})\b`)
	easypostRe     = regexp.MustCompile(`\b(EZAK[a-zA-Z0-9]{54})\b`)
	typeformRe     = regexp.MustCompile(`\b(tfp_[A-Za-z0-9_\-.=]{59})`)
	flutterwaveRe  = regexp.MustCompile(`\b(FLWSECK-[a-f0-9]{32}-X)`)
	adafruitRe     = regexp.MustCompile(`\b(aio_[A-Za-z0-9]{28})\b`)
	fcmRe          = regexp.MustCompile(`\b(AAAA[A-Za-z0-9_\-]{7}:APA91b[A-Za-z0-9_\-]{134})`)
	prefectRe      = regexp.MustCompile(`\b(pnu_[A-Za-z0-9]{36})\b`)
	sourcegraphRe  = regexp.MustCompile(`\b(sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40})\b`)
	onePasswordRe  = regexp.MustCompile(`\b(ops_eyJ[A-Za-z0-9+/=_\-]{250,})`)
	infracostRe    = regexp.MustCompile(`\b(ico-[A-Za-z0-9]{32})\b`)
	contentfulRe   = regexp.MustCompile(`\b(CFPAT-[A-Za-z0-9_\-]{43})`)
	frameioRe      = regexp.MustCompile(`\b(fio-u-[A-Za-z0-9_\-=]{64})`)
	cloudflareRe   = assignedTo(`(?:cloudflare|cf)[_\-]?api[_\-]?(?:token|key)`, `[A-Za-z0-9_\-]{37,40}`)
	teamsHookRe    = regexp.MustCompile(`https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/([a-f0-9]{32})/[a-f0-9-]{36}`)
	circleciRe     = regexp.MustCompile(`\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b`)
	hubspotRe      = regexp.MustCompile(`\b(pat-(?:na|eu|ap)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`)
	algoliaRe      = assignedTo(`algolia[\w.\-]{0,20}?(?:admin|secret|write)[\w.\-]{0,10}?key`, `[a-f0-9]{32}`)
)

func devtoolDetectors() []*detector {
	simple := func(kind, provider, what string, rule *analysis.Rule, kws []string, re *regexp.Regexp, tp, fp string) *detector {
		return &detector{kind: kind, provider: provider, what: what, rule: rule, keywords: kws, re: re,
			validate: entropic, tp: []string{tp}, fp: []string{fp}}
	}
	kw := func(k ...string) []string { return k }
	named := func(d *detector) *detector { d.confidence = analysis.ConfidenceMedium; return d }
	return []*detector{
		simple("atlassian-api-token", "Atlassian", "API token", AtlassianToken, kw("atatt3"), atlassianRe,
			`JIRA_API_TOKEN=ATATT3{w:180}`, `JIRA_API_TOKEN=ATATT3...`),
		named(simple("atlassian-legacy-token", "Atlassian", "API token", AtlassianToken, kw("atlassian", "jira", "confluence"), atlassianCtxRe,
			`JIRA_API_TOKEN={A:24}`, `JIRA_URL=https://acme.atlassian.net`)),
		simple("vault-token", "HashiCorp Vault", "token", HashiCorpToken, kw("hvs.", "hvb."), vaultRe,
			`VAULT_TOKEN=hvs.{w:95}`, `VAULT_TOKEN=hvs.xxxx`),
		named(simple("vault-legacy-token", "HashiCorp Vault", "token", HashiCorpToken, kw("vault"), vaultLegacyRe,
			`VAULT_TOKEN=s.{A:24}`, `VAULT_ADDR=https://vault.acme.dev:8200`)),
		simple("terraform-cloud-token", "Terraform Cloud", "API token", HashiCorpToken, kw(".atlasv1."), tfcRe,
			`token = "{A:14}.atlasv1.{w:67}"`, `token = "xxxxxxxxxxxxxx.atlasv1.xxxx"`),
		simple("databricks-token", "Databricks", "personal access token", DatabricksToken, kw("dapi"), databricksRe,
			`DATABRICKS_TOKEN=dapi{h:32}`, `DATABRICKS_HOST=https://dapi.example`),
		simple("pulumi-token", "Pulumi", "access token", PulumiToken, kw("pul-"), pulumiRe,
			`PULUMI_ACCESS_TOKEN=pul-{h:40}`, `PULUMI_ACCESS_TOKEN=pul-xxxxxxxx`),
		simple("postman-api-key", "Postman", "API key", PostmanKey, kw("pmak-"), postmanRe,
			`POSTMAN_API_KEY=PMAK-{h:24}-{h:34}`, `POSTMAN_API_KEY=PMAK-<key>`),
		simple("doppler-token", "Doppler", "token", DopplerToken, kw("dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."), dopplerRe,
			`DOPPLER_TOKEN=dp.st.prd.{A:40}`, `DOPPLER_TOKEN=dp.st.xxxx`),
		simple("linear-api-key", "Linear", "API key", LinearKey, kw("lin_api_"), linearRe,
			`LINEAR_API_KEY=lin_api_{A:40}`, `LINEAR_API_KEY=lin_api_...`),
		simple("notion-token", "Notion", "integration token", NotionToken, kw("ntn_", "secret_"), notionRe,
			`NOTION_TOKEN=ntn_{d:11}{A:35}`, `secret_key = get_secret_key()`),
		simple("airtable-pat", "Airtable", "personal access token", AirtableToken, kw("airtable"), airtableRe,
			`AIRTABLE_TOKEN=pat{A:14}.{h:64}`, `path = "pattern.txt"`),
		named(simple("airtable-api-key", "Airtable", "API key", AirtableToken, kw("airtable"), airtableOldRe,
			`AIRTABLE_API_KEY=key{A:14}`, `AIRTABLE_BASE=appXXXXXXXXXXXXXX`)),
		simple("dropbox-short-lived-token", "Dropbox", "access token", DropboxToken, kw("sl."), dropboxRe,
			`DROPBOX_TOKEN=sl.{w:140}`, `import sl.utils`),
		simple("figma-token", "Figma", "personal access token", FigmaToken, kw("figd_"), figmaRe,
			`FIGMA_TOKEN=figd_{w:40}`, `FIGMA_TOKEN=figd_...`),
		named(simple("okta-api-token", "Okta", "API token", OktaToken, kw("okta"), oktaRe,
			`OKTA_API_TOKEN=00{w:40}`, `OKTA_DOMAIN=acme.okta.com`)),
		simple("mapbox-secret-token", "Mapbox", "secret token", ServiceToken, kw("sk.eyj"), mapboxRe,
			`MAPBOX_TOKEN=sk.eyJ{w:60}.{w:22}`, `MAPBOX_PUBLIC=pk.eyJ{w:60}.{w:22}`),
		simple("supabase-token", "Supabase", "access token", ServiceToken, kw("sbp_"), supabaseRe,
			`SUPABASE_ACCESS_TOKEN=sbp_{h:40}`, `SUPABASE_ACCESS_TOKEN=sbp_...`),
		simple("netlify-token", "Netlify", "access token", ServiceToken, kw("nfp_"), netlifyRe,
			`NETLIFY_AUTH_TOKEN=nfp_{A:36}`, `NETLIFY_AUTH_TOKEN=nfp_...`),
		simple("planetscale-token", "PlanetScale", "token", ServiceToken, kw("pscale_"), planetscaleRe,
			`PLANETSCALE_TOKEN=pscale_tkn_{w:43}`, `PLANETSCALE_TOKEN=pscale_tkn_...`),
		simple("shippo-token", "Shippo", "live API token", ServiceToken, kw("shippo_live_"), shippoRe,
			`SHIPPO_API_KEY=shippo_live_{h:40}`, `SHIPPO_API_KEY=shippo_test_{h:40}`),
		simple("easypost-api-key", "EasyPost", "API key", ServiceToken, kw("ezak"), easypostRe,
			`EASYPOST_API_KEY=EZAK{A:54}`, `EASYPOST_API_KEY=EZTK{A:54}`),
		simple("typeform-token", "Typeform", "personal access token", ServiceToken, kw("tfp_"), typeformRe,
			`TYPEFORM_TOKEN=tfp_{w:59}`, `TYPEFORM_TOKEN=tfp_...`),
		simple("flutterwave-secret-key", "Flutterwave", "secret key", ServiceToken, kw("flwseck-"), flutterwaveRe,
			`FLW_SECRET_KEY=FLWSECK-{h:32}-X`, `FLW_SECRET_KEY=FLWSECK_TEST-{h:32}-X`),
		simple("adafruit-io-key", "Adafruit IO", "key", ServiceToken, kw("aio_"), adafruitRe,
			`ADAFRUIT_IO_KEY=aio_{A:28}`, `aio_version = "aio_1"`),
		simple("firebase-fcm-server-key", "Firebase", "Cloud Messaging server key", ServiceToken, kw(":apa91b"), fcmRe,
			`FCM_SERVER_KEY=AAAA{w:7}:APA91b{w:134}`, `FCM_SERVER_KEY=AAAA...:APA91b...`),
		simple("prefect-api-key", "Prefect", "API key", ServiceToken, kw("pnu_"), prefectRe,
			`PREFECT_API_KEY=pnu_{A:36}`, `PREFECT_API_KEY=pnu_...`),
		simple("sourcegraph-token", "Sourcegraph", "access token", ServiceToken, kw("sgp_"), sourcegraphRe,
			`SRC_ACCESS_TOKEN=sgp_{h:16}_{h:40}`, `SRC_ACCESS_TOKEN=sgp_...`),
		simple("1password-service-token", "1Password", "service account token", ServiceToken, kw("ops_eyj"), onePasswordRe,
			`OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ{w:300}`, `OP_SERVICE_ACCOUNT_TOKEN=ops_...`),
		simple("infracost-api-key", "Infracost", "API key", ServiceToken, kw("ico-"), infracostRe,
			`INFRACOST_API_KEY=ico-{A:32}`, `icon = "ico-arrow"`),
		simple("contentful-token", "Contentful", "personal access token", ServiceToken, kw("cfpat-"), contentfulRe,
			`CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-{w:43}`, `CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-...`),
		simple("frameio-token", "Frame.io", "developer token", ServiceToken, kw("fio-u-"), frameioRe,
			`FRAMEIO_TOKEN=fio-u-{w:64}`, `FRAMEIO_TOKEN=fio-u-...`),
		simple("teams-webhook", "Microsoft Teams", "incoming webhook URL", ServiceToken, kw("webhook.office.com"), teamsHookRe,
			`TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/{uuid}@{uuid}/IncomingWebhook/{h:32}/{uuid}`, `TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/<id>`),
		simple("circleci-token", "CircleCI", "personal API token", ServiceToken, kw("ccipat_"), circleciRe,
			`CIRCLECI_TOKEN=CCIPAT_{A:22}_{h:40}`, `CIRCLECI_TOKEN=CCIPAT_...`),
		simple("hubspot-private-app-token", "HubSpot", "private app token", ServiceToken, kw("pat-na", "pat-eu", "pat-ap"), hubspotRe,
			`HUBSPOT_TOKEN=pat-na1-{uuid}`, `HUBSPOT_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000`),
		named(simple("cloudflare-api-token", "Cloudflare", "API token", ServiceToken, kw("cloudflare", "cf_api", "cf-api", "cfapi"), cloudflareRe,
			`CLOUDFLARE_API_TOKEN={w:40}`, `CLOUDFLARE_ZONE_ID=${ZONE}`)),
		named(simple("algolia-admin-key", "Algolia", "admin API key", ServiceToken, kw("algolia"), algoliaRe,
			`ALGOLIA_ADMIN_KEY={h:32}`, `ALGOLIA_SEARCH_KEY={h:32}`)),
	}
}
