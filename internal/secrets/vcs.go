package secrets

import (
	"hash/crc32"
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

// GitHubToken is the rule of the GitHub detectors.
var GitHubToken = newRule(ruleSpec{
	code: "KR332", name: "github-token", summary: "github token in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what: "GitHub personal access tokens (classic `ghp_` and fine-grained `github_pat_`), OAuth (`gho_`), " +
		"user-to-server (`ghu_`), server-to-server (`ghs_`) and refresh (`ghr_`) tokens. A classic token " +
		"whose CRC32 checksum is right is reported with high confidence, one whose checksum is wrong with low.",
	example:  `gh = Github("ghp_…")`,
	instead:  `gh = Github(os.environ["GITHUB_TOKEN"])`,
	refTitle: "GitHub: about authentication token formats",
	ref:      "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/",
})

// GitLabToken is the rule of the GitLab detectors.
var GitLabToken = newRule(ruleSpec{
	code: "KR333", name: "gitlab-token", summary: "gitlab token in a file",
	severity: analysis.SeverityCritical, confidence: analysis.ConfidenceHigh,
	what: "GitLab personal, project and group access tokens (`glpat-`), deploy tokens (`gldt-`), runner " +
		"tokens (`glrt-`, `GR1348941…`), pipeline trigger tokens (`glptt-`) and OAuth application secrets (`gloas-`).",
	example: `gl = gitlab.Gitlab("https://gitlab.com", private_token="glpat-…")`, instead: `gl = gitlab.Gitlab("https://gitlab.com", private_token=os.environ["GITLAB_TOKEN"])`,
	refTitle: "GitLab: token prefixes", ref: "https://docs.gitlab.com/security/tokens/#token-prefixes",
})

// BitbucketCredentials is the rule of the Bitbucket detectors.
var BitbucketCredentials = newRule(ruleSpec{
	code: "KR360", name: "bitbucket-credentials", summary: "bitbucket app password or access token in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "Bitbucket app passwords and API tokens (`ATBB…`), and client secrets bound to a Bitbucket name.",
	example: `BITBUCKET_APP_PASSWORD = "ATBB…"`, instead: envExample("BITBUCKET_APP_PASSWORD"),
	refTitle: "Bitbucket: app passwords", ref: "https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/",
})

var (
	githubGhpRe     = regexp.MustCompile(`\b(ghp_[A-Za-z0-9]{36})\b`)
	githubGhoRe     = regexp.MustCompile(`\b(gho_[A-Za-z0-9]{36})\b`)
	githubGhuRe     = regexp.MustCompile(`\b(ghu_[A-Za-z0-9]{36})\b`)
	githubGhsRe     = regexp.MustCompile(`\b(ghs_[A-Za-z0-9]{36})\b`)
	githubGhrRe     = regexp.MustCompile(`\b(ghr_[A-Za-z0-9]{36})\b`)
	githubFineRe    = regexp.MustCompile(`\b(github_pat_[A-Za-z0-9_]{70,100})\b`)
	gitlabPATRe     = regexp.MustCompile(`\b(glpat-[0-9A-Za-z_\-]{20,})`)
	gitlabDeployRe  = regexp.MustCompile(`\b(gldt-[0-9A-Za-z_\-]{20,})`)
	gitlabRunnerRe  = regexp.MustCompile(`\b(glrt-[0-9A-Za-z_\-]{20,}|GR1348941[0-9A-Za-z_\-]{20})`)
	gitlabTriggerRe = regexp.MustCompile(`\b(glptt-[0-9a-f]{40})\b`)
	gitlabOAuthRe   = regexp.MustCompile(`\b(gloas-[0-9a-f]{64})\b`)
	bitbucketATBBRe = regexp.MustCompile(`\b(ATBB[A-Za-z0-9_=.\-]{32,})`)
	bitbucketCtxRe  = assignedTo(`bitbucket`+`[\w.\-]{0,20}?(?:secret|password|token)`, `[A-Za-z0-9_=\-]{18,64}`)
)

// githubClassicRes returns the expression of a classic token prefix.
func githubClassicRes(prefix string) *regexp.Regexp {
	switch prefix {
	case "gho":
		return githubGhoRe
	case "ghu":
		return githubGhuRe
	case "ghs":
		return githubGhsRe
	case "ghr":
		return githubGhrRe
	}
	return githubGhpRe
}

// base62 is the alphabet of GitHub's token checksums.
const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// githubChecksum is the six-character base62 CRC32 of a classic token's 30
// random characters, which the token ends with.
func githubChecksum(random string) string {
	n := crc32.ChecksumIEEE([]byte(random))
	var out [6]byte
	for i := 5; i >= 0; i-- {
		out[i] = base62[n%62]
		n /= 62
	}
	return string(out[:])
}

// githubClassic rates a classic token by its checksum: a random string in the
// token's shape passes it once in 62^6 tries.
func githubClassic(tok, _ string) (analysis.Confidence, bool) {
	body := tok[4:]
	if githubChecksum(body[:30]) == body[30:] {
		return analysis.ConfidenceHigh, true
	}
	return analysis.ConfidenceLow, true
}

func githubDetectors() []*detector {
	what := map[string]string{
		"ghp": "personal access token", "gho": "OAuth access token", "ghu": "user-to-server token",
		"ghs": "server-to-server token", "ghr": "refresh token",
	}
	var out []*detector
	for _, p := range []string{"ghp", "gho", "ghu", "ghs", "ghr"} {
		out = append(out, &detector{
			kind: "github-" + p, provider: "GitHub", what: what[p], rule: GitHubToken,
			keywords: []string{p + "_"}, re: githubClassicRes(p), validate: githubClassic,
			tp: []string{`GITHUB_TOKEN={gh:` + p + `}`, `git clone https://x-access-token:{gh:` + p + `}@github.com/o/r.git`},
			fp: []string{`token = "` + p + `_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`, `token = "` + p + `_{A:30}"`, p + `_{A:40}`},
		})
	}
	return append(out,
		&detector{
			kind: "github-fine-grained-pat", provider: "GitHub", what: "fine-grained personal access token", rule: GitHubToken,
			keywords: []string{"github_pat_"}, re: githubFineRe, validate: entropic,
			tp: []string{`GH_TOKEN=github_pat_{A:22}_{A:59}`},
			fp: []string{`GH_TOKEN=github_pat_<your_token>`},
		},
		&detector{
			kind: "gitlab-pat", provider: "GitLab", what: "access token", rule: GitLabToken,
			keywords: []string{"glpat-"}, re: gitlabPATRe, validate: entropic,
			tp: []string{`GITLAB_TOKEN=glpat-{w:20}`},
			fp: []string{`GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx`, `glpat-<token>`},
		},
		&detector{
			kind: "gitlab-deploy-token", provider: "GitLab", what: "deploy token", rule: GitLabToken,
			keywords: []string{"gldt-"}, re: gitlabDeployRe, validate: entropic,
			tp: []string{`password: gldt-{w:20}`},
			fp: []string{`password: gldt-xxxxxxxxxxxxxxxxxxxxxxxx`},
		},
		&detector{
			kind: "gitlab-runner-token", provider: "GitLab", what: "runner token", rule: GitLabToken,
			keywords: []string{"glrt-", "gr1348941"}, re: gitlabRunnerRe, validate: entropic,
			tp: []string{`token = "glrt-{w:20}"`, `registration-token GR1348941{w:20}`},
			fp: []string{`token = "glrt-REPLACE_WITH_TOKEN_"`},
		},
		&detector{
			kind: "gitlab-trigger-token", provider: "GitLab", what: "pipeline trigger token", rule: GitLabToken,
			keywords: []string{"glptt-"}, re: gitlabTriggerRe,
			tp: []string{`-F token=glptt-{h:40}`},
			fp: []string{`-F token=glptt-$TRIGGER_TOKEN`},
		},
		&detector{
			kind: "gitlab-oauth-secret", provider: "GitLab", what: "OAuth application secret", rule: GitLabToken,
			keywords: []string{"gloas-"}, re: gitlabOAuthRe,
			tp: []string{`GITLAB_SECRET=gloas-{h:64}`},
			fp: []string{`GITLAB_SECRET=gloas-<secret>`},
		},
		&detector{
			kind: "bitbucket-app-password", provider: "Bitbucket", what: "app password", rule: BitbucketCredentials,
			keywords: []string{"atbb"}, re: bitbucketATBBRe, validate: entropic,
			tp: []string{`BITBUCKET_APP_PASSWORD=ATBB{A:32}`},
			fp: []string{`BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`},
		},
		&detector{
			kind: "bitbucket-client-secret", provider: "Bitbucket", what: "secret", rule: BitbucketCredentials,
			keywords: []string{"bitbucket"}, re: bitbucketCtxRe, validate: entropic, confidence: analysis.ConfidenceMedium,
			tp: []string{`BITBUCKET_CLIENT_SECRET={A:32}`, `bitbucket_password: "{A:20}"`},
			fp: []string{`BITBUCKET_CLIENT_SECRET=${BITBUCKET_CLIENT_SECRET}`, `BITBUCKET_WORKSPACE=my-team`},
		},
	)
}
