package secrets

import (
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

// TwilioCredentials is the rule of the Twilio detectors.
var TwilioCredentials = newRule(ruleSpec{
	code: "KR338", name: "twilio-credentials", summary: "twilio api key or auth token in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "Twilio API key sids (`SK` and 32 hex digits) and auth tokens bound to a Twilio name.",
	example: `client = Client("AC…", "9f3a…")`, instead: `client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])`,
	refTitle: "Twilio: API keys and auth tokens", ref: "https://www.twilio.com/docs/iam/api-keys",
})

// SendGridKey is the rule of the SendGrid detector.
var SendGridKey = newRule(ruleSpec{
	code: "KR339", name: "sendgrid-api-key", summary: "sendgrid api key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "SendGrid API keys (`SG.` and two base64url parts).",
	example: `sg = SendGridAPIClient("SG.x…")`, instead: `sg = SendGridAPIClient(os.environ["SENDGRID_API_KEY"])`,
	refTitle: "SendGrid: API keys", ref: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
})

// MailgunKey is the rule of the Mailgun detectors.
var MailgunKey = newRule(ruleSpec{
	code: "KR340", name: "mailgun-api-key", summary: "mailgun api key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "Mailgun private API keys (`key-` and 32 hex digits, or the newer three-part keys) in files that name Mailgun.",
	example: `requests.post(url, auth=("api", "key-3ax6…"))`, instead: `requests.post(url, auth=("api", os.environ["MAILGUN_API_KEY"]))`,
	refTitle: "Mailgun: API keys", ref: "https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/",
})

// MailchimpKey is the rule of the Mailchimp detector.
var MailchimpKey = newRule(ruleSpec{
	code: "KR341", name: "mailchimp-api-key", summary: "mailchimp api key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "Mailchimp Marketing API keys (32 hex digits and a data center suffix such as `-us12`).",
	example: `client.set_config({"api_key": "3f2a…", "server": "us12"})`, instead: `client.set_config({"api_key": os.environ["MAILCHIMP_API_KEY"], "server": "us12"})`,
	refTitle: "Mailchimp: API keys", ref: "https://mailchimp.com/developer/marketing/guides/quick-start/",
})

// EmailServiceKey is the rule of the other e-mail and SMS service detectors.
var EmailServiceKey = newRule(ruleSpec{
	code: "KR379", name: "email-service-api-key", summary: "e-mail service api key (brevo, postmark, mailjet) in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "API keys of e-mail delivery services: Brevo/Sendinblue (`xkeysib-`), and Postmark and Mailjet keys bound to their names.",
	example: `BREVO_API_KEY = "xkeysib-…"`, instead: envExample("BREVO_API_KEY"),
	refTitle: "Brevo: API keys", ref: "https://developers.brevo.com/docs/getting-started",
})

var (
	twilioKeyRe   = regexp.MustCompile(`\b(SK[0-9a-fA-F]{32})\b`)
	twilioTokenRe = assignedTo(`twilio[\w.\-]{0,20}?(?:auth|token|secret)`, `[0-9a-f]{32}`)
	sendgridRe    = regexp.MustCompile(`\b(SG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{16,64})(?:[^A-Za-z0-9_\-]|$)`)
	mailgunKeyRe  = regexp.MustCompile(`\b(key-[0-9a-f]{32})\b`)
	mailgunNewRe  = regexp.MustCompile(`\b([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})\b`)
	mailchimpRe   = regexp.MustCompile(`\b([0-9a-f]{32}-us[0-9]{1,2})\b`)
	brevoRe       = regexp.MustCompile(`\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b`)
	postmarkRe    = assignedTo(`postmark[\w.\-]{0,20}?(?:token|key)`, `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	mailjetRe     = assignedTo(`mailjet[\w.\-]{0,20}?(?:secret|key)`, `[0-9a-f]{32}`)
)

func emailDetectors() []*detector {
	return []*detector{
		{
			kind: "twilio-api-key", provider: "Twilio", what: "API key", rule: TwilioCredentials,
			keywords: []string{"twilio"}, wholeFile: true, re: twilioKeyRe, validate: entropic,
			tp: []string{"TWILIO_API_KEY=SK{h:32}", "from twilio.rest import Client\nclient = Client(\"SK{h:32}\", secret, sid)"},
			fp: []string{"TWILIO_API_KEY=SK00000000000000000000000000000000", "checksum = 'SK{h:32}'"},
		},
		{
			kind: "twilio-auth-token", provider: "Twilio", what: "auth token", rule: TwilioCredentials,
			keywords: []string{"twilio"}, re: twilioTokenRe, validate: entropic,
			tp: []string{`TWILIO_AUTH_TOKEN={h:32}`, `twilio_auth_token = "{h:32}"`},
			fp: []string{`TWILIO_AUTH_TOKEN=your_auth_token`, `TWILIO_ACCOUNT_SID=AC{h:32}`},
		},
		{
			kind: "sendgrid-api-key", provider: "SendGrid", what: "API key", rule: SendGridKey,
			keywords: []string{"sg."}, re: sendgridRe, validate: entropic,
			tp: []string{`SENDGRID_API_KEY=SG.{w:22}.{w:43}`},
			fp: []string{`SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`, `import sg.utils`},
		},
		{
			kind: "mailgun-api-key", provider: "Mailgun", what: "API key", rule: MailgunKey,
			keywords: []string{"key-"}, context: []string{"mailgun"}, re: mailgunKeyRe, validate: entropic,
			tp: []string{"MAILGUN_API_KEY=key-{h:32}"},
			fp: []string{"cache_key = 'key-{h:32}'", "MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
		},
		{
			kind: "mailgun-api-key-v2", provider: "Mailgun", what: "API key", rule: MailgunKey,
			keywords: []string{"mailgun"}, re: mailgunNewRe, validate: entropic,
			tp: []string{"MAILGUN_API_KEY={h:32}-{h:8}-{h:8}"},
			fp: []string{"MAILGUN_DOMAIN=mg.example.org"},
		},
		{
			kind: "mailchimp-api-key", provider: "Mailchimp", what: "API key", rule: MailchimpKey,
			keywords: []string{"-us"}, re: mailchimpRe, validate: entropic,
			tp: []string{`MAILCHIMP_API_KEY={h:32}-us12`},
			fp: []string{`MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us12`, `locale = "en-us"`},
		},
		{
			kind: "brevo-api-key", provider: "Brevo", what: "API key", rule: EmailServiceKey,
			keywords: []string{"xkeysib-"}, re: brevoRe, validate: entropic,
			tp: []string{`BREVO_API_KEY=xkeysib-{h:64}-{A:16}`},
			fp: []string{`BREVO_API_KEY=xkeysib-<your-key>`},
		},
		{
			kind: "postmark-server-token", provider: "Postmark", what: "server token", rule: EmailServiceKey,
			keywords: []string{"postmark"}, re: postmarkRe, confidence: analysis.ConfidenceMedium,
			tp: []string{`POSTMARK_SERVER_TOKEN={uuid}`},
			fp: []string{`POSTMARK_SERVER_TOKEN=${POSTMARK_SERVER_TOKEN}`},
		},
		{
			kind: "mailjet-api-secret", provider: "Mailjet", what: "API secret", rule: EmailServiceKey,
			keywords: []string{"mailjet"}, re: mailjetRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`MAILJET_API_SECRET={h:32}`},
			fp: []string{`MAILJET_API_SECRET=changeme`},
		},
	}
}
