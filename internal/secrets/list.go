package secrets

import "github.com/kraitsec/krait/internal/analysis"

// allDetectors lists the format detectors, most specific first: where two find
// the same text, the first one's finding stays.
func allDetectors() []*detector {
	var ds []*detector
	for _, family := range [...]func() []*detector{
		gcpDetectors, keyDetectors, cloudDetectors, githubDetectors, messagingDetectors, paymentDetectors,
		emailDetectors, aiDetectors, registryDetectors, monitoringDetectors, devtoolDetectors,
		jwtDetectors, urlDetectors,
	} {
		ds = append(ds, family()...)
	}
	return ds
}

// Rules lists the rules of the secrets analyzer, ordered by code.
func Rules() []*analysis.Rule {
	return []*analysis.Rule{
		PrivateKey, AWSCredentials, GitHubToken, GitLabToken, GoogleCredentials, AzureCredentials,
		SlackToken, StripeKey, TwilioCredentials, SendGridKey, MailgunKey, MailchimpKey, OpenAIKey,
		AnthropicKey, HuggingFaceToken, AIServiceKey, PyPIToken, NpmToken, DiscordCredentials,
		TelegramToken, ShopifyToken, SquareCredentials, PayPalToken, HerokuKey, DigitalOceanToken,
		DatadogKey, NewRelicKey, SentryCredentials, AtlassianToken, JWT, BitbucketCredentials,
		HashiCorpToken, GrafanaToken, DatabricksToken, PulumiToken, AgeKey, PostmanKey, DopplerToken,
		LinearKey, NotionToken, AirtableToken, DropboxToken, FigmaToken, OktaToken, TwitchToken,
		RegistryToken, ServiceToken, DynatraceToken, AlibabaKey, EmailServiceKey, GenericSecret,
		CredentialsInURL, HighEntropySecret, HTTPAuthCredential,
	}
}
