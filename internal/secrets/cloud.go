package secrets

import (
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// AWSCredentials is the rule of the AWS detectors.
var AWSCredentials = newRule(ruleSpec{
	code: "KR331", name: "aws-credentials", summary: "aws access key id or secret access key in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what: "AWS access key ids (`AKIA…`, `ASIA…`), secret access keys bound to an AWS name, session " +
		"tokens and MWS keys. The published documentation keys (`…EXAMPLE`) are not reported.",
	example:  `s3 = boto3.client("s3", aws_access_key_id="AKIA…", aws_secret_access_key="wJal…")`,
	instead:  `s3 = boto3.client("s3")  # credentials from the environment, a profile or an IAM role`,
	refTitle: "AWS: managing access keys for IAM users",
	ref:      "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
})

// GoogleCredentials is the rule of the Google Cloud and Google API detectors.
var GoogleCredentials = newRule(ruleSpec{
	code: "KR334", name: "google-cloud-credentials", summary: "google cloud service account key or api key in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what: "Google Cloud service-account key files (JSON with `private_key` and `client_email`), " +
		"Google API keys (`AIza…`), OAuth client secrets (`GOCSPX-…`), refresh tokens and access tokens.",
	example:  `genai.configure(api_key="AIza…")`,
	instead:  `genai.configure(api_key=os.environ["GOOGLE_API_KEY"])`,
	refTitle: "Google Cloud: best practices for managing service account keys",
	ref:      "https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys",
})

// AzureCredentials is the rule of the Azure detectors.
var AzureCredentials = newRule(ruleSpec{
	code: "KR335", name: "azure-credentials", summary: "azure storage key, connection string or client secret",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what: "Azure storage account keys in connection strings (`AccountKey=…`), Service Bus and Event Hubs " +
		"shared access keys, SAS tokens in URLs and Entra ID (Azure AD) client secrets.",
	example:  `CONN = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Zm9v…;EndpointSuffix=core.windows.net"`,
	instead:  `CONN = os.environ["AZURE_STORAGE_CONNECTION_STRING"]  # or DefaultAzureCredential()`,
	refTitle: "Azure: manage storage account access keys",
	ref:      "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage",
})

// DigitalOceanToken is the rule of the DigitalOcean detectors.
var DigitalOceanToken = newRule(ruleSpec{
	code: "KR354", name: "digitalocean-token", summary: "digitalocean api or oauth token in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "DigitalOcean personal access tokens (`dop_v1_…`), OAuth tokens (`doo_v1_…`) and refresh tokens (`dor_v1_…`).",
	lang: "shell", example: "export DIGITALOCEAN_TOKEN=dop_v1_…", instead: "doctl auth init  # stores the token outside the project",
	refTitle: "DigitalOcean: personal access tokens", ref: "https://docs.digitalocean.com/reference/api/create-personal-access-token/",
})

// HerokuKey is the rule of the Heroku detectors.
var HerokuKey = newRule(ruleSpec{
	code: "KR353", name: "heroku-api-key", summary: "heroku api key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "Heroku API keys: the `HRKU-…` format, and UUID keys bound to a Heroku name.",
	lang: "shell", example: "HEROKU_API_KEY=HRKU-…", instead: "heroku auth:token  # read it at deploy time from the CI secret store",
	refTitle: "Heroku: authentication", ref: "https://devcenter.heroku.com/articles/authentication",
})

// AlibabaKey is the rule of the Alibaba Cloud detectors.
var AlibabaKey = newRule(ruleSpec{
	code: "KR378", name: "alibaba-cloud-credentials", summary: "alibaba cloud access key in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceMedium,
	what:    "Alibaba Cloud AccessKey ids (`LTAI…`) and the secrets bound to an Alibaba name.",
	example: `client = AcsClient("LTAI…", "Zm9v…", "cn-hangzhou")`, instead: `client = AcsClient(os.environ["ALIBABA_ACCESS_KEY_ID"], os.environ["ALIBABA_ACCESS_KEY_SECRET"], "cn-hangzhou")`,
	refTitle: "Alibaba Cloud: AccessKey pairs", ref: "https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair",
})

var (
	awsKeyIDRe      = regexp.MustCompile(`\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})\b`)
	awsSecretRe     = assignedTo(`(?:aws[\w.\-]{0,20}?secret|secret_?access_?key)`, `[A-Za-z0-9/+]{40}`)
	awsSessionRe    = assignedTo(`aws_?session_?token`, `[A-Za-z0-9/+=]{100,}`)
	awsMWSRe        = regexp.MustCompile(`\bamzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`)
	gcpAPIKeyRe     = regexp.MustCompile(`\b(AIza[0-9A-Za-z_\-]{35})(?:[^0-9A-Za-z_\-]|$)`)
	gcpSARe         = regexp.MustCompile(`"private_key"\s*:\s*"(-----BEGIN (?:RSA )?PRIVATE KEY-----[^"]{64,}?-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"`)
	gcpOAuthRe      = regexp.MustCompile(`\b(GOCSPX-[A-Za-z0-9_\-]{28})(?:[^A-Za-z0-9_\-]|$)`)
	gcpRefreshRe    = regexp.MustCompile(`(?:^|[^A-Za-z0-9/])(1//0[A-Za-z0-9_\-]{40,})`)
	gcpAccessRe     = regexp.MustCompile(`\b(ya29\.[0-9A-Za-z_\-]{40,})`)
	azureStorageRe  = regexp.MustCompile(`(?i)AccountKey\s*=\s*([A-Za-z0-9+/]{86}==)`)
	azureSharedRe   = regexp.MustCompile(`(?i)SharedAccessKey\s*=\s*([A-Za-z0-9+/]{42,43}=)`)
	azureSASRe      = regexp.MustCompile(`[?&]sig=([A-Za-z0-9%+/]{40,}(?:%3D|=)?)`)
	azureADSecretRe = regexp.MustCompile(`(?:^|[\\'"\x60\s>=:(,)])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.\-]{31,34})(?:$|[\\'"\x60\s<),])`)
	doTokenRe       = regexp.MustCompile(`\b(do[por]_v1_[a-f0-9]{64})\b`)
	herokuNewRe     = regexp.MustCompile(`\b(HRKU-[A-Za-z0-9_\-]{60})\b`)
	herokuUUIDRe    = assignedTo(`heroku`, `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	alibabaIDRe     = regexp.MustCompile(`\b(LTAI[A-Za-z0-9]{12,20})\b`)
	alibabaSecretRe = assignedTo(`(?:alibaba|aliyun|alicloud)`, `[A-Za-z0-9]{30}`)
)

// awsKeyID rates an access key id: the ASIA ids of temporary credentials
// expire, and an id alone is half a credential.
func awsKeyID(id, line string) (analysis.Confidence, bool) {
	if filter.Entropy(id[4:]) < 3.0 {
		return 0, false
	}
	l := strings.ToLower(line)
	if strings.Contains(l, "secret") || strings.Contains(l, "aws") || strings.Contains(l, "key") {
		return analysis.ConfidenceHigh, true
	}
	return analysis.ConfidenceMedium, true
}

// gcpDetectors come before the private-key detectors: a service-account key
// file is better named as one than as the PKCS#8 key inside it.
func gcpDetectors() []*detector {
	return []*detector{
		{
			kind: "gcp-service-account", provider: "Google Cloud", what: "service account private key", rule: GoogleCredentials,
			keywords: []string{`"private_key"`}, context: []string{"service_account", "client_email"}, re: gcpSARe,
			validate: keyBody,
			tp:       []string{`{"type": "service_account", "client_email": "a@p.iam.gserviceaccount.com", "private_key": "-----BEGIN PRIVATE KEY-----\n{b:64}\n{b:64}\n-----END PRIVATE KEY-----\n"}`},
			fp:       []string{`{"type": "service_account", "client_email": "a@p.iam.gserviceaccount.com", "private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"}`},
		},
	}
}

func cloudDetectors() []*detector {
	return []*detector{
		{
			kind: "aws-secret-access-key", provider: "AWS", what: "secret access key", rule: AWSCredentials,
			keywords: []string{"secret"}, context: []string{"aws", "secretaccesskey", "secret_access_key"}, re: awsSecretRe, validate: entropic,
			tp: []string{`AWS_SECRET_ACCESS_KEY={b:40}`, `aws_secret_access_key = "{b:40}"`, `"SecretAccessKey": "{b:40}"`},
			fp: []string{`aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, `"Policy": "arn:aws:iam::aws:policy/AWSApplicationMigrationFullAccess"`, `AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}`, `aws_secret_access_key = "{b:39}"`, `AWS_REGION=eu-west-1`},
		},
		{
			kind: "aws-access-key-id", provider: "AWS", what: "access key id", rule: AWSCredentials,
			keywords: []string{"akia", "asia", "abia", "acca", "a3t"}, re: awsKeyIDRe, validate: awsKeyID,
			tp: []string{`AWS_ACCESS_KEY_ID=AKIA{3:16}`, `key = "ASIA{3:16}"`},
			fp: []string{`AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE`, `AKIAXXXXXXXXXXXXXXXX`, `id = "AKIA{3:15}"`, `AKIA{3:16}X9`},
		},
		{
			kind: "aws-session-token", provider: "AWS", what: "session token", rule: AWSCredentials,
			keywords: []string{"session_token", "sessiontoken"}, re: awsSessionRe, validate: entropic,
			tp: []string{`AWS_SESSION_TOKEN={b:200}`},
			fp: []string{`AWS_SESSION_TOKEN=$AWS_SESSION_TOKEN`},
		},
		{
			kind: "aws-mws-key", provider: "AWS", what: "MWS key", rule: AWSCredentials,
			keywords: []string{"amzn.mws."}, re: awsMWSRe,
			tp: []string{`MWS_KEY = "amzn.mws.{uuid}"`},
			fp: []string{`MWS_KEY = "amzn.mws.<your-key>"`},
		},
		{
			kind: "gcp-api-key", provider: "Google", what: "API key", rule: GoogleCredentials,
			keywords: []string{"aiza"}, re: gcpAPIKeyRe, validate: entropic,
			tp: []string{`GOOGLE_API_KEY=AIza{w:35}`, `genai.configure(api_key="AIza{w:35}")`},
			fp: []string{`key = "AIza{w:30}"`, `AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`},
		},
		{
			kind: "gcp-oauth-client-secret", provider: "Google", what: "OAuth client secret", rule: GoogleCredentials,
			keywords: []string{"gocspx-"}, re: gcpOAuthRe, validate: entropic,
			tp: []string{`"client_secret": "GOCSPX-{w:28}"`},
			fp: []string{`"client_secret": "GOCSPX-<client-secret>"`},
		},
		{
			kind: "gcp-refresh-token", provider: "Google", what: "OAuth refresh token", rule: GoogleCredentials,
			keywords: []string{"1//0"}, re: gcpRefreshRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`"refresh_token": "1//0{w:60}"`},
			fp: []string{`url = "https://1//0"`, `path = "a/b/1//0c"`},
		},
		{
			kind: "gcp-access-token", provider: "Google", what: "OAuth access token", rule: GoogleCredentials,
			keywords: []string{"ya29."}, re: gcpAccessRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`Authorization: Bearer ya29.{w:120}`},
			fp: []string{`token = "ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`},
		},
		{
			kind: "azure-storage-key", provider: "Azure", what: "storage account key", rule: AzureCredentials,
			keywords: []string{"accountkey"}, re: azureStorageRe, validate: entropic,
			tp: []string{`AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={b:86}==;EndpointSuffix=core.windows.net"`},
			fp: []string{`"DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=<key>"`, `AccountKey={AccountKey}`},
		},
		{
			kind: "azure-shared-access-key", provider: "Azure", what: "shared access key", rule: AzureCredentials,
			keywords: []string{"sharedaccesskey"}, re: azureSharedRe, validate: entropic,
			tp: []string{`SB = "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={b:43}="`},
			fp: []string{`SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>`},
		},
		{
			kind: "azure-sas-token", provider: "Azure", what: "SAS token", rule: AzureCredentials,
			keywords: []string{"sig="}, context: []string{"sv=", "windows.net", "azure"}, re: azureSASRe, validate: entropic,
			confidence: analysis.ConfidenceMedium,
			tp:         []string{`https://acme.blob.core.windows.net/c/f.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01&sig={b:43}%3D`},
			fp:         []string{`https://acme.blob.core.windows.net/c/f.csv?sv=2022-11-02&sig=<signature>`},
		},
		{
			kind: "azure-ad-client-secret", provider: "Azure", what: "Entra ID client secret", rule: AzureCredentials,
			keywords: []string{"0q~", "1q~", "2q~", "3q~", "4q~", "5q~", "6q~", "7q~", "8q~", "9q~"}, re: azureADSecretRe, validate: entropic,
			tp: []string{`AZURE_CLIENT_SECRET="{A:3}8Q~{A:34}"`},
			fp: []string{`x = "abc8Q~short"`},
		},
		{
			kind: "digitalocean-token", provider: "DigitalOcean", what: "API token", rule: DigitalOceanToken,
			keywords: []string{"dop_v1_", "doo_v1_", "dor_v1_"}, re: doTokenRe, validate: entropic,
			tp: []string{`DIGITALOCEAN_TOKEN=dop_v1_{h:64}`, `token: doo_v1_{h:64}`},
			fp: []string{`DIGITALOCEAN_TOKEN=dop_v1_<token>`},
		},
		{
			kind: "heroku-api-key-v2", provider: "Heroku", what: "API key", rule: HerokuKey,
			keywords: []string{"hrku-"}, re: herokuNewRe, validate: entropic,
			tp: []string{`HEROKU_API_KEY=HRKU-{w:60}`},
			fp: []string{`HEROKU_API_KEY=HRKU-<your-key>`},
		},
		{
			kind: "heroku-api-key", provider: "Heroku", what: "API key", rule: HerokuKey,
			keywords: []string{"heroku"}, re: herokuUUIDRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`HEROKU_API_KEY={uuid}`, `heroku_api_key: "{uuid}"`},
			fp: []string{`HEROKU_APP_NAME=my-app`, `HEROKU_API_KEY=00000000-0000-0000-0000-000000000000`},
		},
		{
			kind: "alibaba-access-key-id", provider: "Alibaba Cloud", what: "AccessKey id", rule: AlibabaKey,
			keywords: []string{"ltai"}, re: alibabaIDRe, validate: entropic,
			tp: []string{`ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI{A:20}`},
			fp: []string{`ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxx`},
		},
		{
			kind: "alibaba-access-key-secret", provider: "Alibaba Cloud", what: "AccessKey secret", rule: AlibabaKey,
			keywords: []string{"alibaba", "aliyun", "alicloud"}, re: alibabaSecretRe, validate: entropic,
			tp: []string{`ALIBABA_CLOUD_ACCESS_KEY_SECRET={A:30}`},
			fp: []string{`ALIBABA_CLOUD_REGION=cn-hangzhou`},
		},
	}
}
