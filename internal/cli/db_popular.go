package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/kraitsec/krait/internal/supplychain/popular"
)

// sniffSize is how much of a file popular.Sniff needs to tell a popular-packages
// JSON.
const sniffSize = 512

// updatePopular downloads the popular-packages list into dir and says so.
func updatePopular(ctx context.Context, a *app, dir, url string, client *http.Client) error {
	info, err := popular.Update(ctx, url, dir, client)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "updated the popular-packages list: %s from %s\n", popularCount(info.Count), info.Source)
	return nil
}

// importPopular imports file when it is a popular-packages JSON; ok is false when it
// is not one.
func importPopular(ctx context.Context, dir, file string) (msg string, ok bool, err error) {
	f, err := os.Open(file)
	if err != nil {
		return "", false, err
	}
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	f.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("%s: %w", file, err)
	}
	if !popular.Sniff(head[:n]) {
		return "", false, nil
	}
	info, err := popular.Import(ctx, file, dir)
	if err != nil {
		return "", true, err
	}
	return "imported " + popularCount(info.Count), true, nil
}

func popularCount(n int) string {
	return fmt.Sprintf("%s popular package %s", thousands(n), noun(n, "name", "names"))
}

// popularStatus describes the popular-packages list in dir: the downloaded one, or
// the built-in list that scans fall back to.
func popularStatus(dir string, now time.Time) *popularStatusJSON {
	info, err := popular.Status(dir, now)
	p := &popularStatusJSON{Path: info.Path, Present: info.Present, Source: info.Source, Names: info.Count}
	switch {
	case err != nil:
		p.Error = err.Error()
		fallthrough
	case !info.Present:
		b := popular.Builtin()
		p.Present, p.Source, p.Names = false, b.Source, b.Len()
		p.Stale = err != nil
	default:
		t := info.ImportedAt.UTC()
		p.UpdatedAt = &t
		p.AgeSeconds = int64(max(info.Age, 0) / time.Second)
		p.Stale = info.Stale(popular.DefaultMaxAge)
	}
	return p
}
