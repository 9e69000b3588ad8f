package secrets

import (
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

// PyPIToken is the rule of the PyPI detector.
var PyPIToken = newRule(ruleSpec{
	code: "KR346", name: "pypi-token", summary: "pypi upload token in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what: "PyPI and TestPyPI API tokens (`pypi-AgEIcHlwaS5vcmc…`), which publish releases of the " +
		"owner's packages: a supply-chain attack waiting to happen.",
	lang: "ini", example: "[pypi]\nusername = __token__\npassword = pypi-AgEI…", instead: "# use trusted publishing from CI, or keyring:\n# keyring set https://upload.pypi.org/legacy/ __token__",
	refTitle: "PyPI: API tokens", ref: "https://pypi.org/help/#apitoken",
})

// NpmToken is the rule of the npm detectors.
var NpmToken = newRule(ruleSpec{
	code: "KR347", name: "npm-token", summary: "npm access token in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what: "npm access tokens (`npm_…`; a right CRC32 checksum in the last six characters gives high " +
		"confidence) and literal `_authToken` values in `.npmrc` files.",
	lang: "ini", example: "//registry.npmjs.org/:_authToken=npm_…", instead: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
	refTitle: "npm: about access tokens", ref: "https://docs.npmjs.com/about-access-tokens",
})

// RegistryToken is the rule of the other package and container registries' detectors.
var RegistryToken = newRule(ruleSpec{
	code: "KR375", name: "registry-token", summary: "docker hub, rubygems or other registry token in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "Access tokens of package and container registries: Docker Hub (`dckr_pat_`), RubyGems (`rubygems_`), Clojars and NuGet.",
	lang: "shell", example: "echo dckr_pat_… | docker login -u acme --password-stdin", instead: "echo \"$DOCKERHUB_TOKEN\" | docker login -u acme --password-stdin",
	refTitle: "Docker: access tokens", ref: "https://docs.docker.com/security/for-developers/access-tokens/",
})

var (
	pypiRe      = regexp.MustCompile(`\b(pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\-]{50,})`)
	npmRe       = regexp.MustCompile(`\b(npm_[A-Za-z0-9]{36})\b`)
	npmrcAuthRe = regexp.MustCompile(`_(?:authToken|auth|password)\s*=\s*["']?([A-Za-z0-9+/=_\-.]{20,})`)
	dockerRe    = regexp.MustCompile(`\b(dckr_pat_[A-Za-z0-9_\-]{27})(?:[^A-Za-z0-9_\-]|$)`)
	rubygemsRe  = regexp.MustCompile(`\b(rubygems_[a-f0-9]{48})\b`)
	clojarsRe   = regexp.MustCompile(`\b(CLOJARS_[a-z0-9]{60})\b`)
	nugetRe     = regexp.MustCompile(`\b(oy2[a-z0-9]{43})\b`)
)

// npmToken rates an npm token by the CRC32 checksum its last six characters
// carry, as GitHub's do: right is high confidence, wrong medium.
func npmToken(tok, line string) (analysis.Confidence, bool) {
	if _, ok := entropic(tok, line); !ok {
		return 0, false
	}
	body := tok[4:]
	if githubChecksum(body[:30]) == body[30:] {
		return analysis.ConfidenceHigh, true
	}
	return analysis.ConfidenceMedium, true
}

func registryDetectors() []*detector {
	return []*detector{
		{
			kind: "pypi-token", provider: "PyPI", what: "API token", rule: PyPIToken,
			keywords: []string{"pypi-age"}, re: pypiRe, validate: entropic,
			tp: []string{"[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc{w:120}", `TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw{w:80}`},
			fp: []string{`password = pypi-AgEIcHlwaS5vcmc...`, `TWINE_PASSWORD=${PYPI_TOKEN}`},
		},
		{
			kind: "npm-token", provider: "npm", what: "access token", rule: NpmToken,
			keywords: []string{"npm_"}, re: npmRe, validate: npmToken,
			tp: []string{`NPM_TOKEN=npm_{A:36}`, `NPM_TOKEN={gh:npm}`},
			fp: []string{`NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`, `npm_config_cache=/tmp/npm`},
		},
		{
			kind: "npmrc-auth-token", provider: "npm", what: "registry auth token", rule: NpmToken,
			keywords: []string{"_authtoken", ":_auth", ":_password"}, re: npmrcAuthRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`//registry.npmjs.org/:_authToken={uuid}`, `//npm.acme.dev/:_auth={b:40}`},
			fp: []string{`//registry.npmjs.org/:_authToken=${NPM_TOKEN}`},
		},
		{
			kind: "docker-hub-token", provider: "Docker Hub", what: "personal access token", rule: RegistryToken,
			keywords: []string{"dckr_pat_"}, re: dockerRe, validate: entropic,
			tp: []string{`DOCKERHUB_TOKEN=dckr_pat_{w:27}`},
			fp: []string{`DOCKERHUB_TOKEN=dckr_pat_<token>`},
		},
		{
			kind: "rubygems-api-key", provider: "RubyGems", what: "API key", rule: RegistryToken,
			keywords: []string{"rubygems_"}, re: rubygemsRe,
			tp: []string{`GEM_HOST_API_KEY=rubygems_{h:48}`},
			fp: []string{`GEM_HOST_API_KEY=rubygems_<key>`},
		},
		{
			kind: "clojars-token", provider: "Clojars", what: "deploy token", rule: RegistryToken,
			keywords: []string{"clojars_"}, re: clojarsRe, validate: entropic,
			tp: []string{`CLOJARS_PASSWORD=CLOJARS_{a:60}`},
			fp: []string{`CLOJARS_USERNAME=acme`},
		},
		{
			kind: "nuget-api-key", provider: "NuGet", what: "API key", rule: RegistryToken,
			keywords: []string{"oy2"}, re: nugetRe, validate: entropic,
			tp: []string{`NUGET_API_KEY=oy2{a:43}`},
			fp: []string{`NUGET_API_KEY=oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`},
		},
	}
}
