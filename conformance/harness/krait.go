package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/kraitsec/krait/conformance"
)

// krait runs `krait dev ast` over the corpus in batches and compares as it goes, so
// that no more than a batch of krait's (possibly huge) dump lines is held at once.
type krait struct {
	bin     string
	note    string
	batch   int
	jobs    int
	timeout time.Duration
}

// compare returns one result per file, in order.
func (k krait) compare(ctx context.Context, files, ref []string, progress io.Writer) []result {
	results := make([]result, len(files))
	if k.bin == "" {
		why := k.note
		if why == "" {
			why = "krait is unavailable"
		}
		for i := range files {
			results[i] = judge(files[i], ref[i], "", why)
		}
		return results
	}
	batches := make(chan []int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	start := time.Now()
	for range k.jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				k.runBatch(ctx, files, ref, b, results)
				mu.Lock()
				done += len(b)
				if done%(k.batch*8) < len(b) || done == len(files) {
					fmt.Fprintf(progress, "krait: %d/%d files (%s)\n", done, len(files), time.Since(start).Round(time.Second))
				}
				mu.Unlock()
			}
		}()
	}
	for lo := 0; lo < len(files) && ctx.Err() == nil; lo += k.batch {
		b := make([]int, 0, k.batch)
		for i := lo; i < min(lo+k.batch, len(files)); i++ {
			b = append(b, i)
		}
		batches <- b
	}
	close(batches)
	wg.Wait()
	return results
}

// runBatch runs krait once over the batch. If krait gives fewer lines than files (a
// crash or a timeout) or more, the unanswered files are retried one by one so the
// failure lands on the file that caused it rather than on its whole batch.
func (k krait) runBatch(ctx context.Context, files, ref []string, batch []int, results []result) {
	lines, why := k.invoke(ctx, files, batch)
	for j, line := range lines {
		i := batch[j]
		results[i] = judge(files[i], ref[i], line, why)
	}
	n := len(lines)
	if n == len(batch) {
		return
	}
	if len(batch) == 1 || ctx.Err() != nil {
		for _, i := range batch[n:] {
			results[i] = judge(files[i], ref[i], "", why)
		}
		return
	}
	for _, i := range batch[n:] {
		k.runBatch(ctx, files, ref, []int{i}, results)
	}
}

// invoke runs krait on the batch's files and returns its output lines and, when
// something went wrong, why.
func (k krait) invoke(ctx context.Context, files []string, batch []int) ([]string, string) {
	ctx, cancel := context.WithTimeout(ctx, k.timeout)
	defer cancel()
	args := []string{"dev", "ast"}
	for _, i := range batch {
		args = append(args, files[i])
	}
	cmd := exec.CommandContext(ctx, k.bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err.Error()
	}
	if err := cmd.Start(); err != nil {
		return nil, err.Error()
	}
	r := bufio.NewReaderSize(stdout, 1<<20)
	var lines []string
	extra := 0
	for {
		l, err := r.ReadString('\n')
		if l != "" {
			if len(lines) < len(batch) {
				lines = append(lines, strings.TrimSuffix(l, "\n"))
			} else {
				extra++
			}
		}
		if err != nil {
			break
		}
	}
	werr := cmd.Wait()
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return lines, fmt.Sprintf("krait timed out after %s", k.timeout)
	case extra > 0:
		// With surplus lines nothing says which line belongs to which file.
		return nil, fmt.Sprintf("krait printed %d lines for %d files", len(batch)+extra, len(batch))
	case len(lines) < len(batch):
		return lines, fmt.Sprintf("krait printed %d lines for %d files (%v): %s", len(lines), len(batch), werr, firstLine(stderr.String()))
	}
	return lines, ""
}

// firstLine returns s's first non-empty line, shortened for a summary.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return conformance.Clip(l, 200)
		}
	}
	return "(no message on stderr)"
}
