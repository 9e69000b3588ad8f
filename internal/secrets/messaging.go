package secrets

import (
	"encoding/base64"
	"regexp"
	"strings"

	"github.com/kraitsec/krait/internal/analysis"
)

// SlackToken is the rule of the Slack detectors.
var SlackToken = newRule(ruleSpec{
	code: "KR336", name: "slack-token", summary: "slack token or incoming webhook url in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what: "Slack bot (`xoxb-`), user (`xoxp-`), app-level (`xapp-`) and legacy tokens, and incoming " +
		"webhook URLs (`https://hooks.slack.com/services/…`), which let anyone post to the channel.",
	example: `client = WebClient(token="xoxb-…")`, instead: `client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])`,
	refTitle: "Slack: token types", ref: "https://api.slack.com/concepts/token-types",
})

// DiscordCredentials is the rule of the Discord detectors.
var DiscordCredentials = newRule(ruleSpec{
	code: "KR348", name: "discord-credentials", summary: "discord bot token or webhook url in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "Discord bot tokens in files that use Discord, and Discord webhook URLs.",
	example: `client.run("MTE…")`, instead: `client.run(os.environ["DISCORD_TOKEN"])`,
	refTitle: "Discord: OAuth2 and bot tokens", ref: "https://discord.com/developers/docs/topics/oauth2",
})

// TelegramToken is the rule of the Telegram detector.
var TelegramToken = newRule(ruleSpec{
	code: "KR349", name: "telegram-bot-token", summary: "telegram bot token in a file",
	severity: analysis.SeverityHigh, confidence: analysis.ConfidenceHigh,
	what:    "Telegram Bot API tokens: the bot's numeric id, a colon and 35 characters.",
	example: `bot = telebot.TeleBot("1234…")`, instead: `bot = telebot.TeleBot(os.environ["TELEGRAM_BOT_TOKEN"])`,
	refTitle: "Telegram Bot API: authorizing your bot", ref: "https://core.telegram.org/bots/api#authorizing-your-bot",
})

// TwitchToken is the rule of the Twitch detector.
var TwitchToken = newRule(ruleSpec{
	code: "KR374", name: "twitch-token", summary: "twitch api token or client secret in a file",
	severity: analysis.SeverityMedium, confidence: analysis.ConfidenceMedium,
	what:    "Twitch OAuth tokens and client secrets bound to a Twitch name.",
	example: `TWITCH_CLIENT_SECRET = "k3x…"`, instead: envExample("TWITCH_CLIENT_SECRET"),
	refTitle: "Twitch: authentication", ref: "https://dev.twitch.tv/docs/authentication/",
})

var (
	slackBotRe     = regexp.MustCompile(`\b(xoxb-[0-9]{8,14}-[0-9]{8,14}-[a-zA-Z0-9]{20,40})\b`)
	slackUserRe    = regexp.MustCompile(`\b(xox[pe]-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-zA-Z0-9]{24,40})\b`)
	slackAppRe     = regexp.MustCompile(`\b(xapp-\d-[A-Z0-9]{9,12}-\d{10,14}-[a-z0-9]{60,70})\b`)
	slackLegacyRe  = regexp.MustCompile(`\b(xox[ars]-(?:\d+-)+[a-zA-Z0-9]{20,})`)
	slackHookRe    = regexp.MustCompile(`(?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/([A-Za-z0-9+/]{43,56})`)
	discordBotRe   = regexp.MustCompile(`(?:^|[^A-Za-z0-9_\-.])([MNO][A-Za-z0-9_\-]{23,25}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38})(?:[^A-Za-z0-9_\-.]|$)`)
	discordHookRe  = regexp.MustCompile(`https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/([A-Za-z0-9_\-]{50,80})`)
	telegramRe     = regexp.MustCompile(`(?:^|[^0-9A-Za-z])(\d{8,10}:[A-Za-z0-9_\-]{35})(?:[^A-Za-z0-9_\-]|$)`)
	twitchSecretRe = assignedTo(`twitch`, `[a-z0-9]{30}`)
)

// telegramToken rates a token: Telegram's start with "AA" after the colon.
func telegramToken(tok, _ string) (analysis.Confidence, bool) {
	_, rest, _ := cutByte(tok, ':')
	if len(rest) > 2 && rest[:2] == "AA" {
		return analysis.ConfidenceHigh, true
	}
	c, ok := entropic(rest, "")
	if !ok {
		return 0, false
	}
	if c == 0 {
		c = analysis.ConfidenceMedium
	}
	return c, true
}

// discordToken rates a bot token: its first part is the bot's id, a number, in
// base64; a made-up token in a file that uses Discord still needs a random look.
func discordToken(tok, _ string) (analysis.Confidence, bool) {
	id, _, _ := cutByte(tok, '.')
	if b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(id, "=")); err == nil && len(b) >= 15 && strings.Trim(string(b), "0123456789") == "" {
		return analysis.ConfidenceHigh, true
	}
	upper, lower, digit := false, false, false
	for i := 0; i < len(id); i++ {
		c := id[i]
		upper = upper || 'A' <= c && c <= 'Z'
		lower = lower || 'a' <= c && c <= 'z'
		digit = digit || '0' <= c && c <= '9'
	}
	if !upper || !lower || !digit || !randomish(tok) {
		return 0, false
	}
	return analysis.ConfidenceMedium, true
}

// cutByte is strings.Cut for one byte.
func cutByte(s string, b byte) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func messagingDetectors() []*detector {
	return []*detector{
		{
			kind: "slack-bot-token", provider: "Slack", what: "bot token", rule: SlackToken,
			keywords: []string{"xoxb-"}, re: slackBotRe,
			tp: []string{`SLACK_BOT_TOKEN=xoxb-{d:12}-{d:13}-{A:24}`},
			fp: []string{`SLACK_BOT_TOKEN=xoxb-your-token-here`, `xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx`},
		},
		{
			kind: "slack-user-token", provider: "Slack", what: "user token", rule: SlackToken,
			keywords: []string{"xoxp-", "xoxe-"}, re: slackUserRe,
			tp: []string{`token = "xoxp-{d:12}-{d:12}-{d:13}-{A:32}"`},
			fp: []string{`token = "xoxp-{d:12}-{d:12}"`},
		},
		{
			kind: "slack-app-token", provider: "Slack", what: "app-level token", rule: SlackToken,
			keywords: []string{"xapp-"}, re: slackAppRe,
			tp: []string{`SLACK_APP_TOKEN=xapp-1-A{u:10}-{d:13}-{h:64}`},
			fp: []string{`SLACK_APP_TOKEN=xapp-1-...`},
		},
		{
			kind: "slack-legacy-token", provider: "Slack", what: "legacy token", rule: SlackToken,
			keywords: []string{"xoxa-", "xoxr-", "xoxs-"}, re: slackLegacyRe, validate: entropic,
			tp: []string{`SLACK_TOKEN=xoxa-{d:11}-{A:32}`},
			fp: []string{`SLACK_TOKEN=xoxs-{d:11}-xxxxxxxxxxxxxxxxxxxxxxxxx`},
		},
		{
			kind: "slack-webhook", provider: "Slack", what: "incoming webhook URL", rule: SlackToken,
			keywords: []string{"hooks.slack.com/"}, re: slackHookRe, validate: entropic,
			tp: []string{`SLACK_WEBHOOK=https://hooks.slack.com/services/T{u:8}/B{u:10}/{A:24}`},
			fp: []string{`SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`, `see https://hooks.slack.com/services/ for details`},
		},
		{
			kind: "discord-bot-token", provider: "Discord", what: "bot token", rule: DiscordCredentials,
			keywords: []string{"discord"}, wholeFile: true, re: discordBotRe, validate: discordToken,
			tp: []string{"import discord\nDISCORD_TOKEN = \"MT{w:24}.{w:6}.{w:38}\"", "# discord\nclient.run('NT{w:22}.{w:6}.{w:27}')"},
			fp: []string{"import discord\nversion = \"M{l:24}.abcdef.{l:27}\"", "DISCORD_TOKEN = os.environ['DISCORD_TOKEN']"},
		},
		{
			kind: "discord-webhook", provider: "Discord", what: "webhook URL", rule: DiscordCredentials,
			keywords: []string{"/api/webhooks/"}, re: discordHookRe, validate: entropic,
			tp: []string{`DISCORD_WEBHOOK=https://discord.com/api/webhooks/{d:18}/{w:68}`},
			fp: []string{`DISCORD_WEBHOOK=https://discord.com/api/webhooks/<id>/<token>`},
		},
		{
			kind: "telegram-bot-token", provider: "Telegram", what: "bot token", rule: TelegramToken,
			keywords: []string{":aa", "telegram", "bot_token", "bottoken", "telebot", "bot(", "bot ="}, re: telegramRe, validate: telegramToken,
			tp: []string{`TELEGRAM_BOT_TOKEN={d:10}:AA{w:33}`, `bot = telebot.TeleBot("{d:9}:{w:35}")`},
			fp: []string{`TELEGRAM_BOT_TOKEN=123456789:ABCdefGhIJKlmNoPQRsTUVwxyZ`, `bot_id = "12345678"`},
		},
		{
			kind: "twitch-token", provider: "Twitch", what: "client secret", rule: TwitchToken,
			keywords: []string{"twitch"}, re: twitchSecretRe, validate: entropic,
			tp: []string{`TWITCH_CLIENT_SECRET={a:30}`},
			fp: []string{`TWITCH_CHANNEL=my_channel_name_is_very_long_yes`},
		},
	}
}
