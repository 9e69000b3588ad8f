package secrets

import (
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

// DatadogKey is the rule of the Datadog detector.
var DatadogKey = newRule(ruleSpec{
	code: "KR355", name: "datadog-api-key", summary: "datadog api or application key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceMedium,
	what: "Datadog API keys (32 hex digits) and application keys (40 hex digits) bound to a Datadog name.",
	lang: "yaml", example: "DD_API_KEY: 4f1a…", instead: "DD_API_KEY: ${DD_API_KEY}  # injected by the secret store",
	refTitle: "Datadog: API and application keys", ref: "https://docs.datadoghq.com/account_management/api-app-keys/",
})

// NewRelicKey is the rule of the New Relic detectors.
var NewRelicKey = newRule(ruleSpec{
	code: "KR356", name: "new-relic-key", summary: "new relic api, insert or license key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "New Relic user API keys (`NRAK-`), insert keys (`NRII-`) and ingest license keys (`…NRAL`).",
	lang: "ini", example: "license_key = 0123…NRAL", instead: "# newrelic.ini: leave license_key out and set NEW_RELIC_LICENSE_KEY",
	refTitle: "New Relic: API keys", ref: "https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/",
})

// SentryCredentials is the rule of the Sentry detectors.
var SentryCredentials = newRule(ruleSpec{
	code: "KR357", name: "sentry-credentials", summary: "sentry dsn or auth token in a file",
	severity: analysis.SeverityMedium, confidence: analysis.ConfidenceHigh,
	what: "Sentry DSNs (`https://<key>@o….ingest.sentry.io/…`, or any host on a line that says sentry), which let anyone send events to the " +
		"project, and Sentry auth tokens (`sntrys_`, `sntryu_`), which read and change it.",
	example: `sentry_sdk.init(dsn="https://3f2a…@o123.ingest.sentry.io/456")`, instead: `sentry_sdk.init()  # reads SENTRY_DSN from the environment`,
	refTitle: "Sentry: DSN explainer", ref: "https://docs.sentry.io/concepts/key-terms/dsn-explainer/",
})

// GrafanaToken is the rule of the Grafana detectors.
var GrafanaToken = newRule(ruleSpec{
	code: "KR362", name: "grafana-token", summary: "grafana cloud, service account or api token in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "Grafana Cloud access policy tokens (`glc_`), service account tokens (`glsa_`) and legacy API keys (`eyJrIjoi…`).",
	lang: "shell", example: "GRAFANA_TOKEN=glsa_…", instead: "GRAFANA_TOKEN=$(vault kv get -field=token secret/grafana)",
	refTitle: "Grafana: service account tokens", ref: "https://grafana.com/docs/grafana/latest/administration/service-accounts/",
})

// DynatraceToken is the rule of the Dynatrace detector.
var DynatraceToken = newRule(ruleSpec{
	code: "KR377", name: "dynatrace-token", summary: "dynatrace api token in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "Dynatrace API tokens (`dt0c01.…`).",
	lang: "shell", example: "DT_API_TOKEN=dt0c01.…", instead: "DT_API_TOKEN=${DT_API_TOKEN}",
	refTitle: "Dynatrace: access tokens", ref: "https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens",
})

var (
	datadogRe      = assignedTo(`(?:datadog|dd)[_\-]?(?:api|app|application|client)?[_\-]?key`, `[a-f0-9]{32}|[a-f0-9]{40}`)
	newRelicUserRe = regexp.MustCompile(`\b(NRAK-[A-Z0-9]{27})\b`)
	newRelicIngRe  = regexp.MustCompile(`\b(NRII-[A-Za-z0-9_\-]{32})\b`)
	newRelicLicRe  = regexp.MustCompile(`\b([a-f0-9]{36}NRAL)\b`)
	sentryDSNRe    = regexp.MustCompile(`https?://([0-9a-f]{32})(?::[0-9a-f]{32})?@(?:o\d+\.)?(?:ingest\.)?(?:[a-z]{2}\.)?sentry\.io/\d+`)
	// sentryHostedRe is a DSN of a self-hosted Sentry (https://<key>@sentry.acme.io/4):
	// any host, so the line must say "sentry" (the detector's keyword).
	sentryHostedRe = regexp.MustCompile(`https?://([0-9a-f]{32})(?::[0-9a-f]{32})?@[a-z0-9][a-z0-9.\-]*(?::\d+)?/(?:[\w.\-]+/)*\d+\b`)
	sentryOrgRe    = regexp.MustCompile(`\b(sntrys_eyJ[A-Za-z0-9+/=_\-]{50,})`)
	sentryUserRe   = regexp.MustCompile(`\b(sntryu_[a-f0-9]{64})\b`)
	grafanaCloudRe = regexp.MustCompile(`\b(glc_[A-Za-z0-9+/]{32,400}={0,2})`)
	grafanaSARe    = regexp.MustCompile(`\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b`)
	grafanaKeyRe   = regexp.MustCompile(`\b(eyJrIjoi[A-Za-z0-9]{60,400}={0,2})`)
	dynatraceRe    = regexp.MustCompile(`\b(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b`)
)

func monitoringDetectors() []*detector {
	return []*detector{
		{
			kind: "datadog-api-key", provider: "Datadog", what: "API key", rule: DatadogKey,
			keywords: []string{"datadog", "dd_api", "dd_app", "dd-api", "ddapi", "dd_client"}, re: datadogRe, validate: entropic,
			tp: []string{`DD_API_KEY={h:32}`, `datadog_app_key: "{h:40}"`},
			fp: []string{`DD_API_KEY=<DATADOG_API_KEY>`, `DD_SITE=datadoghq.eu`},
		},
		{
			kind: "new-relic-user-key", provider: "New Relic", what: "user API key", rule: NewRelicKey,
			keywords: []string{"nrak-"}, re: newRelicUserRe, validate: entropic,
			tp: []string{`NEW_RELIC_API_KEY=NRAK-{u:27}`},
			fp: []string{`NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX`},
		},
		{
			kind: "new-relic-insert-key", provider: "New Relic", what: "insert key", rule: NewRelicKey,
			keywords: []string{"nrii-"}, re: newRelicIngRe, validate: entropic,
			tp: []string{`NEW_RELIC_INSERT_KEY=NRII-{w:32}`},
			fp: []string{`NEW_RELIC_INSERT_KEY=NRII-<key>`},
		},
		{
			kind: "new-relic-license-key", provider: "New Relic", what: "license key", rule: NewRelicKey,
			keywords: []string{"nral"}, re: newRelicLicRe, validate: entropic,
			tp: []string{`license_key = {h:36}NRAL`},
			fp: []string{`license_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxNRAL`},
		},
		{
			kind: "sentry-dsn", provider: "Sentry", what: "DSN", rule: SentryCredentials,
			keywords: []string{"sentry.io/"}, re: sentryDSNRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`SENTRY_DSN=https://{h:32}@o{d:6}.ingest.sentry.io/{d:7}`, `sentry_sdk.init("https://{h:32}@o{d:6}.ingest.us.sentry.io/{d:7}")`},
			fp: []string{`SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0`, `see https://docs.sentry.io/platforms/python/`},
		},
		{
			kind: "sentry-hosted-dsn", provider: "Sentry", what: "DSN", rule: SentryCredentials,
			keywords: []string{"sentry"}, re: sentryHostedRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`ENV SENTRY_DSN=https://{h:32}@sentry.acme.dev/4`, `sentry_sdk.init(dsn="https://{h:32}@errors.acme.dev:9000/sentry/12")`},
			fp: []string{`SENTRY_DSN=https://public@sentry.acme.dev/1`, `sentry_url: https://sentry.acme.dev/organizations/acme/issues/42`},
		},
		{
			kind: "sentry-org-token", provider: "Sentry", what: "organization auth token", rule: SentryCredentials,
			keywords: []string{"sntrys_"}, re: sentryOrgRe, validate: entropic,
			tp: []string{`SENTRY_AUTH_TOKEN=sntrys_eyJ{w:80}`},
			fp: []string{`SENTRY_AUTH_TOKEN=sntrys_...`},
		},
		{
			kind: "sentry-user-token", provider: "Sentry", what: "user auth token", rule: SentryCredentials,
			keywords: []string{"sntryu_"}, re: sentryUserRe,
			tp: []string{`SENTRY_AUTH_TOKEN=sntryu_{h:64}`},
			fp: []string{`SENTRY_AUTH_TOKEN=sntryu_<token>`},
		},
		{
			kind: "grafana-cloud-token", provider: "Grafana", what: "Cloud access policy token", rule: GrafanaToken,
			keywords: []string{"glc_"}, re: grafanaCloudRe, validate: entropic,
			tp: []string{`GRAFANA_CLOUD_TOKEN=glc_{A:120}`},
			fp: []string{`GRAFANA_CLOUD_TOKEN=glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`},
		},
		{
			kind: "grafana-service-account-token", provider: "Grafana", what: "service account token", rule: GrafanaToken,
			keywords: []string{"glsa_"}, re: grafanaSARe, validate: entropic,
			tp: []string{`GRAFANA_TOKEN=glsa_{A:32}_{h:8}`},
			fp: []string{`GRAFANA_TOKEN=glsa_<token>`},
		},
		{
			kind: "grafana-api-key", provider: "Grafana", what: "API key", rule: GrafanaToken,
			keywords: []string{"eyjrijoi"}, re: grafanaKeyRe, validate: entropic,
			tp: []string{`GRAFANA_API_KEY=eyJrIjoi{A:70}`},
			fp: []string{`GRAFANA_API_KEY=eyJrIjoi...`},
		},
		{
			kind: "dynatrace-api-token", provider: "Dynatrace", what: "API token", rule: DynatraceToken,
			keywords: []string{"dt0c01."}, re: dynatraceRe, validate: entropic,
			tp: []string{`DT_API_TOKEN=dt0c01.{u:24}.{u:64}`},
			fp: []string{`DT_API_TOKEN=dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXX`},
		},
	}
}
