package secrets

import (
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

// StripeKey is the rule of the Stripe detectors.
var StripeKey = newRule(ruleSpec{
	code: "KR337", name: "stripe-key", summary: "stripe secret, restricted or webhook key in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what: "Stripe live secret keys (`sk_live_`), restricted keys (`rk_live_`) and webhook signing secrets " +
		"(`whsec_`). Test-mode keys (`sk_test_`, `rk_test_`) move no money and are reported only when the " +
		"analyzer is asked for test keys, with low severity and confidence; publishable keys (`pk_`) are public and never reported.",
	example: `stripe.api_key = "sk_live_…"`, instead: `stripe.api_key = os.environ["STRIPE_SECRET_KEY"]`,
	refTitle: "Stripe: API keys", ref: "https://docs.stripe.com/keys",
})

// SquareCredentials is the rule of the Square detectors.
var SquareCredentials = newRule(ruleSpec{
	code: "KR351", name: "square-credentials", summary: "square access token or oauth secret in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what:    "Square access tokens (`EAAA…`, `sq0atp-…`) and OAuth application secrets (`sq0csp-…`).",
	example: `client = Client(access_token="EAAA…")`, instead: `client = Client(access_token=os.environ["SQUARE_ACCESS_TOKEN"])`,
	refTitle: "Square: access tokens", ref: "https://developer.squareup.com/docs/build-basics/access-tokens",
})

// PayPalToken is the rule of the PayPal and Braintree detectors.
var PayPalToken = newRule(ruleSpec{
	code: "KR352", name: "paypal-braintree-token", summary: "paypal or braintree access token in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what:    "Braintree and PayPal access tokens (`access_token$production$…`), and PayPal client secrets bound to a PayPal name.",
	example: `gateway = braintree.BraintreeGateway(access_token="acce…")`, instead: `gateway = braintree.BraintreeGateway(access_token=os.environ["BRAINTREE_ACCESS_TOKEN"])`,
	refTitle: "Braintree: access tokens", ref: "https://developer.paypal.com/braintree/docs/guides/authorization/overview",
})

// ShopifyToken is the rule of the Shopify detectors.
var ShopifyToken = newRule(ruleSpec{
	code: "KR350", name: "shopify-token", summary: "shopify access token or shared secret in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "Shopify Admin API access tokens (`shpat_`), custom app (`shpca_`) and private app (`shppa_`) " +
		"tokens and shared secrets (`shpss_`).",
	example: `session = shopify.Session(shop, "2024-01", "shpat_…")`, instead: `session = shopify.Session(shop, "2024-01", os.environ["SHOPIFY_ACCESS_TOKEN"])`,
	refTitle: "Shopify: access tokens", ref: "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens",
})

var (
	stripeLiveRe   = regexp.MustCompile(`\b((?:sk|rk)_live_[0-9a-zA-Z]{24,247})\b`)
	stripeTestRe   = regexp.MustCompile(`\b((?:sk|rk)_test_[0-9a-zA-Z]{24,247})\b`)
	stripeHookRe   = regexp.MustCompile(`\b(whsec_[a-zA-Z0-9]{32,})\b`)
	squareEAAARe   = regexp.MustCompile(`\b(EAAA[A-Za-z0-9_\-]{56,80})\b`)
	squareATPRe    = regexp.MustCompile(`\b(sq0atp-[0-9A-Za-z_\-]{22})\b`)
	squareCSPRe    = regexp.MustCompile(`\b(sq0csp-[0-9A-Za-z_\-]{43})\b`)
	braintreeRe    = regexp.MustCompile(`\b(access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})\b`)
	sandboxRe      = regexp.MustCompile(`\b(access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32})\b`)
	paypalSecretRe = assignedTo(`paypal[\w.\-]{0,20}?secret`, `[A-Za-z0-9_\-]{60,80}`)
	shopifyRe      = regexp.MustCompile(`\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})\b`)
)

func paymentDetectors() []*detector {
	return []*detector{
		{
			kind: "stripe-secret-key", provider: "Stripe", what: "live secret key", rule: StripeKey,
			keywords: []string{"sk_live_", "rk_live_"}, re: stripeLiveRe, validate: entropic,
			tp: []string{`STRIPE_SECRET_KEY=sk_live_{A:24}`, `stripe.api_key = "rk_live_{A:99}"`},
			fp: []string{`STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx`, `STRIPE_PUBLISHABLE_KEY=pk_live_{A:24}`},
		},
		{
			kind: "stripe-test-key", provider: "Stripe", what: "test-mode secret key", rule: StripeKey,
			keywords: []string{"sk_test_", "rk_test_"}, re: stripeTestRe, validate: entropic, confidence: analysis.ConfidenceLow, testMode: true,
			severity: analysis.SeverityLow,
			tp:       []string{`STRIPE_SECRET_KEY=sk_test_{A:24}`},
			fp:       []string{`stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"`, `STRIPE_SECRET_KEY=sk_test_...`},
		},
		{
			kind: "stripe-webhook-secret", provider: "Stripe", what: "webhook signing secret", rule: StripeKey,
			keywords: []string{"whsec_"}, re: stripeHookRe, validate: entropic,
			tp: []string{`STRIPE_WEBHOOK_SECRET=whsec_{A:32}`},
			fp: []string{`STRIPE_WEBHOOK_SECRET=whsec_...`, `endpoint_secret = 'whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'`},
		},
		{
			kind: "square-access-token", provider: "Square", what: "access token", rule: SquareCredentials,
			keywords: []string{"eaaa"}, re: squareEAAARe, validate: entropic,
			tp: []string{`SQUARE_ACCESS_TOKEN=EAAA{w:60}`},
			fp: []string{`SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`},
		},
		{
			kind: "square-legacy-token", provider: "Square", what: "access token", rule: SquareCredentials,
			keywords: []string{"sq0atp-"}, re: squareATPRe, validate: entropic,
			tp: []string{`SQUARE_TOKEN = "sq0atp-{w:22}"`},
			fp: []string{`SQUARE_TOKEN = "sq0atp-<access-token>"`},
		},
		{
			kind: "square-oauth-secret", provider: "Square", what: "OAuth application secret", rule: SquareCredentials,
			keywords: []string{"sq0csp-"}, re: squareCSPRe, validate: entropic,
			tp: []string{`SQUARE_APP_SECRET=sq0csp-{w:43}`},
			fp: []string{`SQUARE_APP_SECRET=sq0csp-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`},
		},
		{
			kind: "braintree-access-token", provider: "PayPal/Braintree", what: "access token", rule: PayPalToken,
			keywords: []string{"access_token$"}, re: braintreeRe,
			tp: []string{`BRAINTREE_TOKEN=access_token$production${a:16}${h:32}`},
			fp: []string{`BRAINTREE_TOKEN=access_token$production$<merchant>$<token>`, `BRAINTREE_TOKEN=access_token$sandbox${a:16}${h:32}`},
		},
		{
			kind: "braintree-sandbox-token", provider: "PayPal/Braintree", what: "sandbox access token", rule: PayPalToken,
			keywords: []string{"access_token$"}, re: sandboxRe, testMode: true,
			confidence: analysis.ConfidenceLow, severity: analysis.SeverityLow,
			tp: []string{`BRAINTREE_TOKEN=access_token$sandbox${a:16}${h:32}`},
			fp: []string{`BRAINTREE_TOKEN=access_token$sandbox$<merchant>$<token>`},
		},
		{
			kind: "paypal-client-secret", provider: "PayPal/Braintree", what: "client secret", rule: PayPalToken,
			keywords: []string{"paypal"}, re: paypalSecretRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`PAYPAL_CLIENT_SECRET={w:80}`},
			fp: []string{`PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}`, `PAYPAL_MODE=sandbox`},
		},
		{
			kind: "shopify-token", provider: "Shopify", what: "access token", rule: ShopifyToken,
			keywords: []string{"shpat_", "shpca_", "shppa_", "shpss_"}, re: shopifyRe, validate: entropic,
			tp: []string{`SHOPIFY_ACCESS_TOKEN=shpat_{h:32}`, `secret = "shpss_{h:32}"`},
			fp: []string{`SHOPIFY_ACCESS_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`},
		},
	}
}
