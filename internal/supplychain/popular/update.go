package popular

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// DefaultURL is hugovk's list of the 15,000 most downloaded PyPI projects over
// the last 30 days.
const DefaultURL = "https://hugovk.github.io/top-pypi-packages/top-pypi-packages.min.json"

// maxJSON bounds a downloaded or imported list (the real one is about 1 MB).
const maxJSON = 64 << 20

// Update downloads a popular-packages JSON from url (DefaultURL when empty)
// with client (http.DefaultClient when nil), verifies it and swaps it into dir
// atomically. On any error (HTTP status, interrupted download, bad JSON, too
// few rows, an invalid name) the list already in dir is left as it was.
func Update(ctx context.Context, url, dir string, client *http.Client) (Info, error) {
	return update(ctx, url, dir, client, time.Now())
}

func update(ctx context.Context, url, dir string, client *http.Client, now time.Time) (Info, error) {
	if url == "" {
		url = DefaultURL
	}
	if client == nil {
		client = http.DefaultClient
	}
	data, err := download(ctx, client, url)
	if err != nil {
		return Info{}, fmt.Errorf("download %s: %w", url, err)
	}
	return importData(ctx, data, url, dir, now)
}

// Import does what Update does from a local copy of the JSON.
func Import(ctx context.Context, file, dir string) (Info, error) {
	f, err := os.Open(file)
	if err != nil {
		return Info{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxJSON+1))
	if err != nil {
		return Info{}, fmt.Errorf("%s: %w", file, err)
	}
	if len(data) > maxJSON {
		return Info{}, fmt.Errorf("%s: more than the %d bytes allowed", file, maxJSON)
	}
	return importData(ctx, data, file, dir, time.Now())
}

// importData verifies data and stores it; source names it in messages and in
// the store.
func importData(ctx context.Context, data []byte, source, dir string, now time.Time) (Info, error) {
	names, lastUpdate, err := parseTop(data)
	if err != nil {
		return Info{}, fmt.Errorf("%s: %w", source, err)
	}
	if err := ctx.Err(); err != nil {
		return Info{}, err
	}
	sum := sha256.Sum256(data)
	m := meta{Source: source, ImportedAt: now.UTC(), LastUpdate: lastUpdate, SHA256: hex.EncodeToString(sum[:])}
	if err := writeStore(dir, m, names); err != nil {
		return Info{}, err
	}
	m.Count = len(names)
	return infoOf(dir, m, now), nil
}

// download returns the body of a GET of url, refusing a non-200 status, more
// than maxJSON bytes, and a body shorter than its Content-Length.
func download(ctx context.Context, client *http.Client, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	if resp.ContentLength > maxJSON {
		return nil, fmt.Errorf("%d bytes, more than the %d allowed", resp.ContentLength, maxJSON)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxJSON+1))
	if err != nil {
		return nil, fmt.Errorf("interrupted after %d bytes: %w", len(data), err)
	}
	if len(data) > maxJSON {
		return nil, fmt.Errorf("more than the %d bytes allowed", maxJSON)
	}
	if resp.ContentLength >= 0 && int64(len(data)) != resp.ContentLength {
		return nil, fmt.Errorf("interrupted after %d of %d bytes", len(data), resp.ContentLength)
	}
	return data, nil
}
