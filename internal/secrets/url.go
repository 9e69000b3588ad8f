package secrets

import (
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/secrets/filter"
)

// CredentialsInURL is the rule of the URL credential detector.
var CredentialsInURL = newRule(ruleSpec{
	code: "KR381", name: "credentials-in-url", summary: "password in a url (scheme://user:pass@host) or dsn",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh, cwe: []int{798, 522},
	what: "URLs with a password in their user info, in any file: database and broker DSNs (`postgres://`, " +
		"`mysql://`, `redis://`, `amqp://`, `mongodb+srv://`), HTTP(S) URLs and the like. Placeholders " +
		"(`user:password@`, `${DB_PASSWORD}`, `{password}`), a password equal to the user name, and the " +
		"documentation hosts (`example.com`) are not reported; `localhost` lowers the confidence. Passwords in " +
		"connection strings that are not URLs (`Server=…;User Id=…;Password=…`, libpq's `host=… password=…`) too.",
	example: `DATABASE_URL = "postgres://app:Xk9…@db.internal:5432/app"`, instead: `DATABASE_URL = os.environ["DATABASE_URL"]`,
	refTitle: "OWASP: secrets management cheat sheet", ref: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
})

// HTTPAuthCredential is the rule of the HTTP authorization detectors.
var HTTPAuthCredential = newRule(ruleSpec{
	code: "KR383", name: "http-auth-credential", summary: "literal bearer token or basic auth credential in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceMedium, cwe: []int{798},
	what: "literal credentials in HTTP authorization: `Authorization: Bearer …`, `Basic …` and `Token …` " +
		"headers and API key headers (`X-Api-Key`, `Private-Token`, `X-Auth-Token`) in code, scripts and " +
		"request collections, and `curl -u user:password`.",
	lang: "shell", example: `curl -H "Authorization: Bearer 9f2c…" https://api.acme.dev/v1/orders`,
	instead:  `curl -H "Authorization: Bearer $ACME_TOKEN" https://api.acme.dev/v1/orders`,
	refTitle: "RFC 6750: bearer token usage", ref: "https://www.rfc-editor.org/rfc/rfc6750",
})

var (
	urlCredRe    = regexp.MustCompile(`\b([a-zA-Z][a-zA-Z0-9+.\-]{1,30})://([^\s:@/?#'"\x60<>\\(){}\[\]]{0,128}):([^\s@/?#'"\x60<>\\]{1,256})@([A-Za-z0-9.\-_%]+)`)
	authHeaderRe = regexp.MustCompile(`(?i)\b(?:authorization|proxy-authorization)["']?\s*[:=,]\s*["']?(?:bearer|basic|token)\s+([A-Za-z0-9._~+/\-]{16,}=*)`)
	connPassRe   = regexp.MustCompile(`(?i)(?:^|[;"'\s])(?:password|pwd)\s*=\s*([^;"'\s),]{4,128})`)
	connKeyRe    = regexp.MustCompile(`(?i)(?:^|[;"'\s])(?:server|data source|uid|user id|host|dbname|database|hostname)\s*=\s*[^"'\s]`)
	apiHeaderRe  = regexp.MustCompile(`(?i)\b(?:x-api-key|x-apikey|api-key|x-auth-token|x-access-token|private-token|x-token)["']?\s*:\s*["']?([A-Za-z0-9._~+/\-]{16,}=*)`)
	curlUserRe   = regexp.MustCompile(`(?:^|\s)(?:-u|--user)[ =]["']?[^\s:'"$]+:([^\s'"]{6,})`)
)

// urlDetectors come after the provider detectors: a GitHub token or a Sentry key
// inside a URL is better named by them.
func urlDetectors() []*detector {
	return []*detector{
		{
			kind: "url-credentials", what: "password in a URL", rule: CredentialsInURL,
			keywords: []string{"://"}, re: urlCredRe, secretGroup: 3, judge: urlPassword, provide: schemeProvider,
			tp: []string{
				`DATABASE_URL=postgres://app:{A:16}@db.internal:5432/app`,
				`redis_url = "redis://:{A:20}@cache.prod.acme.dev:6379/0"`,
				`BROKER = "amqp://worker:{A:12}@rabbit:5672//"`,
				`MONGO = "mongodb+srv://svc:{A:18}@cluster0.abcde.mongodb.net/db"`,
			},
			fp: []string{
				`DATABASE_URL=postgres://user:password@localhost/db`,
				`DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD}@db/app`,
				`url = f"postgresql://{user}:{password}@{host}/{name}"`,
				`url = "mysql://root:root@localhost/test"`,
				`REDIS_URL=redis://:@localhost:6379`,
				`url = "https://user:{A:16}@example.com/path"`,
				`see https://docs.python.org/3/library/urllib.parse.html`,
				`url = "postgres://%s:%s@%s/%s" % (u, p, h, d)`,
				`MultiHostUrl("https://foo.com:123,foo.com:456@bar.com/path")`,
			},
		},
		{
			kind: "connection-string-password", what: "password in a connection string", rule: CredentialsInURL,
			keywords: []string{"password=", "pwd=", "password ="}, re: connPassRe, validate: connPassword,
			tp: []string{
				`CONN = "Server=tcp:sql.acme.dev,1433;Database=shop;User ID=shop;Password={A:14};Encrypt=true"`,
				`conn = pyodbc.connect("DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql;UID=sa;PWD={A:12}")`,
				`psycopg2.connect("host=db.internal dbname=app user=app password={A:14}")`,
			},
			fp: []string{
				`CONN = "Server=sql;Database=shop;User ID=shop;Password={password};"`,
				`PASSWORD={A:14}`,
				`conn = "Server=sql;Database=shop;Trusted_Connection=yes;"`,
				`psycopg2.connect("host=db dbname=app user=app password=" + pw)`,
				`conn = psycopg2.connect(host="db", user="app", password=DB_PASSWORD)`,
			},
		},
		{
			kind: "authorization-header", provider: "HTTP", what: "authorization header credential", rule: HTTPAuthCredential,
			keywords: []string{"authorization"}, re: authHeaderRe, validate: literalToken,
			tp: []string{`curl -H "Authorization: Bearer {A:40}" https://api.acme.dev`, `headers = {"Authorization": "Token {h:40}"}`},
			fp: []string{`headers = {"Authorization": "Bearer " + token}`, `curl -H "Authorization: Bearer $API_TOKEN"`, `-H 'Authorization: Bearer <token>'`, `"Authorization": f"Bearer {self.token}"`},
		},
		{
			kind: "api-key-header", provider: "HTTP", what: "API key header", rule: HTTPAuthCredential,
			keywords: []string{"api-key", "x-apikey", "auth-token", "access-token", "private-token", "x-token"}, re: apiHeaderRe, validate: literalToken,
			tp: []string{`curl -H "X-Api-Key: {A:32}" https://api.acme.dev`, `headers = {"PRIVATE-TOKEN": "{A:20}"}`},
			fp: []string{`curl -H "X-Api-Key: $API_KEY" https://api.acme.dev`, `headers = {"X-Api-Key": api_key}`, `"x-api-key": "<your-api-key>"`},
		},
		{
			kind: "curl-user-password", provider: "HTTP", what: "basic auth password", rule: HTTPAuthCredential,
			keywords: []string{"-u ", "--user"}, re: curlUserRe, validate: literalToken,
			tp: []string{`curl -u deploy:{A:16} https://ci.acme.dev/api`},
			fp: []string{`curl -u "$USER:$PASSWORD" https://ci.acme.dev/api`, `curl -u admin:password https://x`, `sort -u file.txt`},
		},
	}
}

// urlPassword judges the password of a URL's user info: the user name serves as
// context, and the host tells a documentation example from a real service.
func urlPassword(m []string) (analysis.Confidence, bool) {
	user, pass, host := m[1], m[2], strings.ToLower(m[3])
	if pass == "" || strings.EqualFold(user, pass) || strings.ContainsAny(pass[:1], "$%{<*") {
		return 0, false
	}
	if strings.Contains(user, ".") && pass[0] >= '0' && pass[0] <= '9' && strings.ContainsAny(pass, ",") {
		return 0, false // a host list, host:port,host:port@host
	}
	switch filter.Classify("password", pass) {
	case filter.Plausible, filter.UUID:
	default:
		return 0, false
	}
	if isExampleHost(host) {
		return 0, false
	}
	if host == "localhost" || strings.HasPrefix(host, "127.") || host == "0.0.0.0" {
		return analysis.ConfidenceLow, true
	}
	if filter.HighEntropy(pass) {
		return analysis.ConfidenceHigh, true
	}
	return analysis.ConfidenceMedium, true
}

// schemeProvider names the service a URL's scheme stands for.
func schemeProvider(m []string) string {
	s := strings.ToLower(m[0])
	switch {
	case strings.HasPrefix(s, "postgres"):
		return "PostgreSQL"
	case strings.HasPrefix(s, "mysql"), strings.HasPrefix(s, "mariadb"):
		return "MySQL"
	case strings.HasPrefix(s, "redis"), s == "rediss":
		return "Redis"
	case strings.HasPrefix(s, "amqp"):
		return "AMQP"
	case strings.HasPrefix(s, "mongodb"):
		return "MongoDB"
	case s == "http", s == "https":
		return "HTTP"
	case strings.HasPrefix(s, "mssql"), strings.HasPrefix(s, "sqlserver"):
		return "SQL Server"
	case strings.HasPrefix(s, "oracle"):
		return "Oracle"
	case strings.HasPrefix(s, "smtp"):
		return "SMTP"
	case strings.HasPrefix(s, "ftp"), s == "sftp":
		return "FTP"
	case strings.HasPrefix(s, "ldap"):
		return "LDAP"
	}
	return s
}

// isExampleHost reports the hosts documentation uses (RFC 2606) and stand-ins.
func isExampleHost(h string) bool {
	for _, s := range [...]string{"example.com", "example.org", "example.net", ".example", ".test", ".invalid"} {
		if h == strings.TrimPrefix(s, ".") || strings.HasSuffix(h, s) {
			return true
		}
	}
	switch h {
	case "host", "hostname", "server", "your-host", "yourhost", "myhost", "domain", "xxx", "h":
		return true
	}
	return false
}

// connPassword accepts a password in a line that is a connection string: keys
// separated by semicolons, or libpq's blank-separated host= and dbname=.
func connPassword(pw, line string) (analysis.Confidence, bool) {
	// A connection string writes its keys' values bare; host="db" is a
	// keyword argument, and password=DB_PASSWORD beside it a variable.
	if !connKeyRe.MatchString(line) {
		return 0, false
	}
	return literalToken(pw, line)
}

// literalToken accepts a header or curl credential that is written out, not a
// variable, a template or a placeholder.
func literalToken(tok, _ string) (analysis.Confidence, bool) {
	switch filter.Classify("token", tok) {
	case filter.Plausible, filter.UUID:
	default:
		return 0, false
	}
	if filter.HighEntropy(tok) {
		return analysis.ConfidenceHigh, true
	}
	return 0, true
}
