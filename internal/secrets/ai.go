package secrets

import (
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

// OpenAIKey is the rule of the OpenAI detectors.
var OpenAIKey = newRule(ruleSpec{
	code: "KR342", name: "openai-api-key", summary: "openai api key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "OpenAI API keys: project keys (`sk-proj-`), service-account and admin keys, and legacy " +
		"user keys (`sk-…T3BlbkFJ…`, or `sk-` and 48 letters and digits).",
	example: `client = OpenAI(api_key="sk-proj-…")`, instead: `client = OpenAI()  # reads OPENAI_API_KEY from the environment`,
	refTitle: "OpenAI: API key safety", ref: "https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety",
})

// AnthropicKey is the rule of the Anthropic detectors.
var AnthropicKey = newRule(ruleSpec{
	code: "KR343", name: "anthropic-api-key", summary: "anthropic api key in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "Anthropic API keys (`sk-ant-api03-…`) and admin keys (`sk-ant-admin01-…`).",
	example: `client = anthropic.Anthropic(api_key="sk-ant-…")`, instead: `client = anthropic.Anthropic()  # reads ANTHROPIC_API_KEY from the environment`,
	refTitle: "Anthropic: API keys", ref: "https://docs.anthropic.com/en/api/overview",
})

// HuggingFaceToken is the rule of the Hugging Face detectors.
var HuggingFaceToken = newRule(ruleSpec{
	code: "KR344", name: "huggingface-token", summary: "hugging face access token in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "Hugging Face user access tokens (`hf_…`) and organization API tokens (`api_org_…`).",
	example: `login(token="hf_…")`, instead: `login()  # reads HF_TOKEN from the environment`,
	refTitle: "Hugging Face: user access tokens", ref: "https://huggingface.co/docs/hub/security-tokens",
})

// AIServiceKey is the rule of the other AI providers' detectors.
var AIServiceKey = newRule(ruleSpec{
	code: "KR345", name: "ai-service-api-key", summary: "ai service api key (groq, replicate, perplexity…) in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "API keys of AI and vector-database services with a distinctive format: Groq (`gsk_`), Replicate " +
		"(`r8_`), Perplexity (`pplx-`), xAI (`xai-`), LangSmith (`lsv2_`), Pinecone (`pcsk_`), Fireworks (`fw_`), " +
		"and Cohere and Mistral keys bound to their names.",
	example: `client = Groq(api_key="gsk_…")`, instead: `client = Groq(api_key=os.environ["GROQ_API_KEY"])`,
	refTitle: "OWASP: secrets management cheat sheet", ref: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
})

var (
	openaiProjectRe = regexp.MustCompile(`\b(sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{20,})`)
	openaiLegacyRe  = regexp.MustCompile(`\b(sk-[A-Za-z0-9_\-]{10,}T3BlbkFJ[A-Za-z0-9_\-]{10,})`)
	openaiPlainRe   = regexp.MustCompile(`\b(sk-[A-Za-z0-9]{48})\b`)
	anthropicRe     = regexp.MustCompile(`\b(sk-ant-(?:api|sid)\d{2}-[A-Za-z0-9_\-]{32,})`)
	anthropicAdmRe  = regexp.MustCompile(`\b(sk-ant-admin\d{2}-[A-Za-z0-9_\-]{32,})`)
	hfTokenRe       = regexp.MustCompile(`\b(hf_[A-Za-z0-9]{30,40})\b`)
	hfOrgRe         = regexp.MustCompile(`\b(api_org_[A-Za-z0-9]{34})\b`)
	groqRe          = regexp.MustCompile(`\b(gsk_[A-Za-z0-9]{48,56})\b`)
	replicateRe     = regexp.MustCompile(`\b(r8_[A-Za-z0-9]{30,40})\b`)
	openaiCtxRe     = regexp.MustCompile(`\b(sk-[A-Za-z0-9_\-]{20,160})`)
	perplexityRe    = regexp.MustCompile(`\b(pplx-[A-Za-z0-9]{48})\b`)
	xaiRe           = regexp.MustCompile(`\b(xai-[A-Za-z0-9]{80})\b`)
	langsmithRe     = regexp.MustCompile(`\b(lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10})\b`)
	pineconeRe      = regexp.MustCompile(`\b(pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{60,})\b`)
	fireworksRe     = regexp.MustCompile(`\b(fw_[A-Za-z0-9]{24})\b`)
	cohereRe        = assignedTo(`(?:cohere|co_api)`, `[A-Za-z0-9]{40}`)
	mistralRe       = assignedTo(`mistral`, `[A-Za-z0-9]{32}`)
)

func aiDetectors() []*detector {
	simple := func(kind, provider, what string, rule *analysis.Rule, kw string, re *regexp.Regexp, tp, fp string) *detector {
		return &detector{kind: kind, provider: provider, what: what, rule: rule, keywords: []string{kw}, re: re,
			validate: entropic, tp: []string{tp}, fp: []string{fp}}
	}
	return []*detector{
		simple("anthropic-api-key", "Anthropic", "API key", AnthropicKey, "sk-ant-", anthropicRe,
			`ANTHROPIC_API_KEY=sk-ant-api03-{w:93}AA`, `ANTHROPIC_API_KEY=sk-ant-api03-...`),
		simple("anthropic-admin-key", "Anthropic", "admin key", AnthropicKey, "sk-ant-admin", anthropicAdmRe,
			`key = "sk-ant-admin01-{w:93}AA"`, `key = "sk-ant-admin01-xxxxxxxx"`),
		simple("openai-project-key", "OpenAI", "API key", OpenAIKey, "sk-proj-", openaiProjectRe,
			`OPENAI_API_KEY=sk-proj-{w:74}T3BlbkFJ{w:74}`, `OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxx`),
		simple("openai-service-key", "OpenAI", "service account key", OpenAIKey, "sk-svcacct-", openaiProjectRe,
			`OPENAI_API_KEY=sk-svcacct-{w:74}`, `OPENAI_API_KEY=sk-svcacct-...`),
		simple("openai-legacy-key", "OpenAI", "API key", OpenAIKey, "t3blbkfj", openaiLegacyRe,
			`openai.api_key = "sk-{A:20}T3BlbkFJ{A:20}"`, `"T3BlbkFJ" is base64 for OpenAI`),
		{
			kind: "openai-key", provider: "OpenAI", what: "API key", rule: OpenAIKey,
			keywords: []string{"sk-"}, re: openaiPlainRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`openai.api_key = "sk-{A:48}"`},
			fp: []string{`openai.api_key = "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`, `"sk-{A:47}"`},
		},
		{
			kind: "openai-key-in-context", provider: "OpenAI", what: "API key", rule: OpenAIKey,
			keywords: []string{"openai", "deepseek"}, re: openaiCtxRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`OPENAI_API_KEY=sk-{A:32}`, `client = OpenAI(api_key="sk-{h:32}")`},
			fp: []string{`OPENAI_API_KEY=sk-...`, `openai_model = "sk-learn-is-not-a-key"`},
		},
		simple("huggingface-token", "Hugging Face", "access token", HuggingFaceToken, "hf_", hfTokenRe,
			`HF_TOKEN=hf_{A:34}`, `from huggingface_hub import hf_hub_download`),
		simple("huggingface-org-token", "Hugging Face", "organization token", HuggingFaceToken, "api_org_", hfOrgRe,
			`token = "api_org_{A:34}"`, `token = "api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`),
		simple("groq-api-key", "Groq", "API key", AIServiceKey, "gsk_", groqRe,
			`GROQ_API_KEY=gsk_{A:52}`, `GROQ_API_KEY=gsk_...`),
		simple("replicate-api-token", "Replicate", "API token", AIServiceKey, "r8_", replicateRe,
			`REPLICATE_API_TOKEN=r8_{A:37}`, `REPLICATE_API_TOKEN=r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`),
		simple("perplexity-api-key", "Perplexity", "API key", AIServiceKey, "pplx-", perplexityRe,
			`PPLX_API_KEY=pplx-{A:48}`, `PPLX_API_KEY=pplx-<key>`),
		simple("xai-api-key", "xAI", "API key", AIServiceKey, "xai-", xaiRe,
			`XAI_API_KEY=xai-{A:80}`, `XAI_API_KEY=xai-...`),
		simple("langsmith-api-key", "LangSmith", "API key", AIServiceKey, "lsv2_", langsmithRe,
			`LANGCHAIN_API_KEY=lsv2_pt_{h:32}_{h:10}`, `LANGCHAIN_API_KEY=lsv2_pt_...`),
		simple("pinecone-api-key", "Pinecone", "API key", AIServiceKey, "pcsk_", pineconeRe,
			`PINECONE_API_KEY=pcsk_{A:6}_{A:64}`, `PINECONE_API_KEY=pcsk_...`),
		simple("fireworks-api-key", "Fireworks AI", "API key", AIServiceKey, "fw_", fireworksRe,
			`FIREWORKS_API_KEY=fw_{A:24}`, `fw_version = "fw_1"`),
		{
			kind: "cohere-api-key", provider: "Cohere", what: "API key", rule: AIServiceKey,
			keywords: []string{"cohere", "co_api"}, re: cohereRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`COHERE_API_KEY={A:40}`},
			fp: []string{`COHERE_MODEL=command-r-plus`},
		},
		{
			kind: "mistral-api-key", provider: "Mistral AI", what: "API key", rule: AIServiceKey,
			keywords: []string{"mistral"}, re: mistralRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`MISTRAL_API_KEY={A:32}`},
			fp: []string{`MISTRAL_MODEL=mistral-large-latest`},
		},
	}
}
