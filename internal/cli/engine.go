package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/parser"
	"github.com/kraitsec/krait/internal/walk"
)

// Kinds of fileError, as they appear in reports.
const (
	errKindSyntax   = "syntax"
	errKindRead     = "read"
	errKindInternal = "internal"
)

// fileError is a file or directory that could not be analysed.
type fileError struct {
	Path string `json:"path"`
	// Line and Column are 1-based; 0 when the error has no position.
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// scanResult is everything a scan produced, in a deterministic order.
type scanResult struct {
	findings []analysis.Finding
	errors   []fileError
	skipped  []walk.Skip
	files    int // files analysed
	lines    int64
	bytes    int64
	elapsed  time.Duration
}

// outcome is what analysing one file gave.
type outcome struct {
	analysed bool
	lines    int64
	bytes    int64
	err      *fileError
	skip     *walk.Skip
	findings []analysis.Finding
}

// progressFunc is told each time a file is done; it must be safe for concurrent use.
type progressFunc func()

// scanFiles walks cfg.paths and analyses the Python files on cfg.jobs workers.
// start is called once the number of files to analyse is known.
func scanFiles(ctx context.Context, cfg *scanConfig, start func(total int) progressFunc) (*scanResult, error) {
	began := time.Now()
	found, err := walk.Walk(ctx, cfg.paths, cfg.walk)
	if err != nil {
		return nil, err
	}
	res := &scanResult{skipped: found.Skipped}
	for _, e := range found.Errors {
		res.errors = append(res.errors, fileError{Path: e.Path, Kind: errKindRead, Message: e.Err.Error()})
	}

	// Only Python sources have an analyzer so far; other files are not read at all.
	var files []walk.File
	for _, f := range found.Files {
		if f.Kind == walk.Python {
			files = append(files, f)
		}
	}
	done := start(len(files))
	outs := make([]outcome, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(cfg.jobs, max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outs[i] = analyseFile(files[i], cfg.walk.MaxFileSize)
				done()
			}
		}()
	}
feed:
	for i := range files {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	for _, o := range outs {
		switch {
		case o.analysed:
			res.files++
			res.lines += o.lines
			res.bytes += o.bytes
			res.findings = append(res.findings, o.findings...)
		case o.err != nil:
			res.errors = append(res.errors, *o.err)
		case o.skip != nil:
			res.skipped = append(res.skipped, *o.skip)
		}
	}
	sort.SliceStable(res.errors, func(i, j int) bool { return res.errors[i].Path < res.errors[j].Path })
	sort.SliceStable(res.skipped, func(i, j int) bool { return res.skipped[i].Path < res.skipped[j].Path })
	res.elapsed = time.Since(began)
	return res, nil
}

// analyseFile reads and parses one file. A panic in an analyzer becomes an error for
// this file alone: one bad file must not stop a scan.
func analyseFile(f walk.File, maxSize int64) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = outcome{err: &fileError{Path: f.Path, Kind: errKindInternal, Message: fmt.Sprintf("internal error: %v", r)}}
		}
	}()
	data, err := walk.ReadFile(f, maxSize)
	if err != nil {
		var se *walk.SkipError
		if errors.As(err, &se) {
			return outcome{skip: &walk.Skip{Path: f.Path, Reason: se.Reason}}
		}
		return outcome{err: &fileError{Path: f.Path, Kind: errKindRead, Message: unwrapPath(err).Error()}}
	}
	if _, err := parser.ParseFile(f.Path, data); err != nil {
		return outcome{err: parseError(f.Path, err)}
	}
	return outcome{analysed: true, lines: countLines(data), bytes: int64(len(data))}
}

func parseError(path string, err error) *fileError {
	var se *parser.SyntaxError
	if errors.As(err, &se) {
		return &fileError{Path: path, Line: se.Line, Column: se.Col, Kind: errKindSyntax, Message: oneLine(se.Msg)}
	}
	return &fileError{Path: path, Kind: errKindInternal, Message: oneLine(err.Error())}
}

// countLines counts lines the way an editor does: a final line without a newline counts.
func countLines(data []byte) int64 {
	n := int64(bytes.Count(data, []byte{'\n'}))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// oneLine escapes line breaks and tabs so that a message stays on one output line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
}
