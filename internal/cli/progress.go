package cli

import (
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows a bar on stderr while files are analysed, only for a person watching:
// stderr must be a terminal, and CI logs get none.
type progress struct {
	enabled bool
	a       *app
	bar     *progressbar.ProgressBar
}

func newProgress(a *app, wanted bool) *progress {
	return &progress{a: a, enabled: wanted && isTerminal(a.stderr) && a.getenv("CI") == ""}
}

func (p *progress) start(total int) progressFunc {
	if !p.enabled || total == 0 {
		return func() {}
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.a.stderr),
		progressbar.OptionSetDescription("scanning"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	return func() { _ = p.bar.Add(1) }
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
