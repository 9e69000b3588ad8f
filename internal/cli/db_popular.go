package cli

import (
	"context"
	"net/http"
	"time"
)

// popularMaxAge is the age past which the popular-packages list counts as stale.
const popularMaxAge = 30 * 24 * time.Hour

// updatePopular downloads the popular-packages list into dir.
func updatePopular(ctx context.Context, a *app, dir, url string, client *http.Client) error {
	return nil
}

// importPopular imports file when it is a popular-packages JSON; ok is false when it
// is not one.
func importPopular(ctx context.Context, dir, file string) (msg string, ok bool, err error) {
	return "", false, nil
}

// popularStatus describes the popular-packages list in dir.
func popularStatus(dir string, now time.Time) *popularStatusJSON {
	return nil
}
