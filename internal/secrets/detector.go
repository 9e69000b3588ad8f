package secrets

import (
	"regexp"

	"github.com/kraitsec/krait/internal/analysis"
)

// detector finds one kind of secret by its format. It is data: the tests run
// every detector's samples.
type detector struct {
	// kind names what the detector finds, in kebab case, e.g. "github-pat".
	kind string
	// provider is the service the secret belongs to, as reported in
	// Finding.Provider and in the message ("GitHub").
	provider string
	// what is the secret's name in a message: "personal access token".
	what string
	rule *analysis.Rule
	// keywords are lowercase strings of which one must occur on a line for re to
	// run on that line; the prefilter finds them all in one pass over the file.
	keywords []string
	// context, if set, are lowercase strings of which one must occur somewhere in
	// the file: a bare 32-hex value is a Datadog key only in a file about Datadog.
	context []string
	// re matches the secret; its first capturing group, if it has one, is the
	// secret, otherwise the whole match is.
	re *regexp.Regexp
	// confidence overrides the rule's confidence when set.
	confidence analysis.Confidence
	// validate, if set, judges a match: it returns the finding's confidence, or
	// false to drop the match. line is the text re ran on.
	validate func(secret, line string) (analysis.Confidence, bool)
	// secretGroup, when set, numbers the capturing group that is the secret,
	// and judge, when set, validates a match from all its groups (a URL's user,
	// password and host) instead of validate.
	secretGroup int
	judge       func(groups []string) (analysis.Confidence, bool)
	// provide, when set, names the provider from the match's groups (a URL's
	// scheme) instead of provider.
	provide func(groups []string) string
	// severity overrides the rule's severity when set: a Stripe test key.
	severity analysis.Severity
	// testMode detectors find keys of a provider's test mode; they run only
	// with Options.TestKeys.
	testMode bool
	// wholeFile detectors run once on the whole file when one of their
	// keywords occurs anywhere in it: a Discord bot token is bound to any name
	// in a file that imports discord.
	wholeFile bool
	// multiline detectors (private keys) run on the file from the keyword's line
	// on, rather than on the line alone.
	multiline bool
	// tp are samples the detector must find, fp samples it must not. A sample
	// is a template: {A:36} stands for 36 random letters and digits, and so on
	// (see expandSample in the tests), so that no key-shaped text is committed.
	tp, fp []string
}

// maxWindow bounds the lines the name checks read, and the distance within
// which two findings are compared for overlap.
const maxWindow = 2048

// windowBefore and windowAfter bound the text a line regex runs on around a
// keyword: a minified bundle or a one-line JSON file is one enormous line.
const (
	windowBefore = 256
	windowAfter  = 768
)

// maxMultiline bounds the text a multiline detector sees after its keyword.
const maxMultiline = 64 << 10
