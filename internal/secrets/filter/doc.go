// Package filter tells the values and names a secret detector meets apart from
// real credentials: placeholders, templates, environment lookups, hashes, UUIDs,
// paths, versions, code, documentation example keys and the like. Every generic
// detector (the Python rules KR301–KR305 and the config-format detectors of package
// secrets) classifies a candidate through Classify and decides itself what each
// class means for it: a UUID is noise next to "request_id" but a Heroku API key
// next to "HEROKU_API_KEY".
//
// The functions are pure, safe for concurrent use, and do not allocate on the
// common paths, so that detectors may call them on every candidate.
package filter
