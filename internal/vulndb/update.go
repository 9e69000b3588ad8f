package vulndb

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// DefaultURL is OSV's PyPI snapshot.
const DefaultURL = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"

// Update downloads an OSV PyPI all.zip from url (DefaultURL when empty) with
// client (http.DefaultClient when nil) to a temp file in dir, verifies and
// converts it, and swaps the new store in atomically. On any error — HTTP
// status, interrupted download, bad zip, wrong content — the store already in
// dir is left as it was.
func Update(ctx context.Context, url, dir string, client *http.Client) (Meta, error) {
	return update(ctx, url, dir, client, defaultLimits(), time.Now())
}

func update(ctx context.Context, url, dir string, client *http.Client, lim limits, now time.Time) (Meta, error) {
	if url == "" {
		url = DefaultURL
	}
	if client == nil {
		client = http.DefaultClient
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Meta{}, err
	}
	tmp, err := os.CreateTemp(dir, ".download-*.zip")
	if err != nil {
		return Meta{}, err
	}
	defer os.Remove(tmp.Name())
	err = download(ctx, client, url, tmp, lim.MaxZip)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Meta{}, fmt.Errorf("download %s: %w", url, err)
	}
	return importZip(ctx, tmp.Name(), dir, url, lim, now)
}

// download copies the body of a GET of url into w, refusing a non-200
// status, more than max bytes, and a body shorter than its Content-Length.
func download(ctx context.Context, client *http.Client, url string, w io.Writer, max int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > max {
		return fmt.Errorf("%d bytes, more than the %d allowed", resp.ContentLength, max)
	}
	n, err := io.Copy(w, io.LimitReader(resp.Body, max+1))
	if err != nil {
		return fmt.Errorf("interrupted after %d bytes: %w", n, err)
	}
	if n > max {
		return fmt.Errorf("more than the %d bytes allowed", max)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return fmt.Errorf("interrupted after %d of %d bytes", n, resp.ContentLength)
	}
	return nil
}
