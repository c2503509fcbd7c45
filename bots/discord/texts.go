package discord

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/kapbot/kapbot/internal/engine"
)

// Fixed texts of the Discord channel itself: what it says about Discord, not
// about the clinic's flows. They are system texts like internal/catalog's
// and, like those, never give advice. English only until the catalogue has
// keys for them.
const (
	// textDMAck replaces the "thinking…" placeholder of a slash command used
	// in the DM itself: the conversation follows right below it.
	textDMAck = "✓"
	// textPickOne and textPickSome are select menu placeholders.
	textPickOne  = "Choose an option"
	textPickSome = "Choose one or more options"
	// textCheck starts the line added to a question once it is answered.
	textCheck = "✓ "
)

// slashCommand is one registered slash command and the engine command it
// becomes.
type slashCommand struct {
	Name        string
	Description string
	Command     engine.CommandName
	Arg         string // fixed argument (the flow of /intake ...)
	Option      string // name of the string option whose value is the argument
	OptionDesc  string

	Localized map[discordgo.Locale]string // Description by Discord locale
}

// sampleCommands start the sample flows. They are the flow commands of a
// channel built without WithFlowCommands; serve replaces them with the
// `command:` of the clinic's flows (which the sample flows also declare).
var sampleCommands = []slashCommand{
	{Name: "intake", Description: "Start the intake questions", Command: engine.CmdStart, Arg: "kap-intake"},
	{Name: "prepare", Description: "Prepare for your session", Command: engine.CmdStart, Arg: "kap-prepare"},
	{Name: "integrate", Description: "Look back after your session", Command: engine.CmdStart, Arg: "kap-integrate"},
}

// baseCommands are the commands every patient menu has, after the flows'.
var baseCommands = []slashCommand{
	{Name: "start", Description: "Start the clinic's conversation", Command: engine.CmdStart},
	{Name: "help", Description: "What this assistant can do", Command: engine.CmdHelp},
	{Name: "restart", Description: "Start again from the beginning", Command: engine.CmdRestart},
	{Name: "stop", Description: "End the conversation", Command: engine.CmdStop},
	{Name: "forget", Description: "Erase what you told me", Command: engine.CmdForget},
	{Name: "language", Description: "Change the language", Command: engine.CmdLanguage, Option: "language", OptionDesc: "Language code, for example en or de; empty to list them"},
	{Name: "appointments", Description: "Your appointments with the clinic", Command: engine.CmdAppointments},
	{Name: "reminders", Description: "Turn reminders on or off", Command: engine.CmdReminders, Option: "state", OptionDesc: "on or off; empty to see whether they are on"},
}

// commands are the slash commands of a channel built without
// WithFlowCommands, in menu order.
var commands = slices.Concat(sampleCommands, baseCommands)

// FlowCommand is a slash command that starts a flow: a flow's `command:`.
type FlowCommand struct {
	Name        string // the command, without "/": 1-32 of a-z, 0-9, '-', '_'
	Description string // what Discord's menu shows; cut to 100 characters, "" for "Start <flow>"
	Flow        string // the flow it starts
	// Descriptions are Description in other languages, by locale code
	// ("de", "en-GB"): shown by Discord clients set to that language. A
	// bare language ("en", "es") stands for each of Discord's variants.
	Descriptions map[string]string
}

// maxDescription is Discord's limit on a command description, in characters.
const maxDescription = 100

// flowCommandSet returns the patient commands of a channel whose flows
// have the commands fcs: those first, then baseCommands. It fails on a name
// Discord refuses or that another command has.
func flowCommandSet(fcs []FlowCommand) (commandSet, error) {
	var out commandSet
	taken := map[string]bool{}
	for _, c := range baseCommands {
		taken[c.Name] = true
	}
	for _, c := range staffCommands {
		taken[c.Name] = true
	}
	for _, fc := range fcs {
		if !commandName.MatchString(fc.Name) {
			return nil, fmt.Errorf("discord: flow %s: command %q is not a valid slash command name (1 to 32 of a-z, 0-9, '-', '_')", fc.Flow, fc.Name)
		}
		if taken[fc.Name] {
			return nil, fmt.Errorf("discord: flow %s: command /%s is taken by another command", fc.Flow, fc.Name)
		}
		taken[fc.Name] = true
		desc := menuText(fc.Description)
		if desc == "" {
			desc = "Start " + fc.Flow
		}
		sc := slashCommand{Name: fc.Name, Description: desc, Command: engine.CmdStart, Arg: fc.Flow}
		for code, text := range fc.Descriptions {
			if text = menuText(text); text == "" {
				continue
			}
			for _, l := range discordLocales(code) {
				if sc.Localized == nil {
					sc.Localized = map[discordgo.Locale]string{}
				}
				sc.Localized[l] = text
			}
		}
		out = append(out, sc)
	}
	return append(out, baseCommands...), nil
}

var commandName = regexp.MustCompile(`^[a-z0-9_-]{1,32}$`)

// menuText trims s and cuts it to Discord's maxDescription.
func menuText(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > maxDescription {
		s = string(r[:maxDescription-1]) + "…"
	}
	return s
}

// discordLocales returns Discord's locales for a locale code: the one it
// names ("de", "pt_BR"), or every variant of a bare language ("en": en-US
// and en-GB); none when Discord has no such language.
func discordLocales(code string) []discordgo.Locale {
	code = strings.ReplaceAll(code, "_", "-")
	var out []discordgo.Locale
	for l := range discordgo.Locales {
		switch s := string(l); {
		case strings.EqualFold(s, code):
			return []discordgo.Locale{l}
		case !strings.Contains(code, "-") && strings.EqualFold(strings.SplitN(s, "-", 2)[0], code):
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

// commandSet is the patient slash commands of one channel, in menu order.
type commandSet []slashCommand

func (cs commandSet) lookup(name string) (slashCommand, bool) {
	for _, c := range cs {
		if c.Name == name {
			return c, true
		}
	}
	return slashCommand{}, false
}

// app returns the commands in Discord's form. Global commands work
// in servers and in the bot's DMs; guild commands only in their server.
func (cs commandSet) app(global bool) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, 0, len(cs))
	dm := true
	for _, c := range cs {
		ac := &discordgo.ApplicationCommand{
			Name:        c.Name,
			Description: c.Description,
			Type:        discordgo.ChatApplicationCommand,
		}
		if len(c.Localized) > 0 {
			l := maps.Clone(c.Localized)
			ac.DescriptionLocalizations = &l
		}
		if global {
			ctx := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
			ac.Contexts = &ctx
			ac.DMPermission = &dm
		}
		if c.Option != "" {
			ac.Options = []*discordgo.ApplicationCommandOption{{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        c.Option,
				Description: c.OptionDesc,
			}}
		}
		out = append(out, ac)
	}
	return out
}

// typedCommand reads a command of the default set typed as text.
func typedCommand(text string) (*engine.Command, bool) { return commandSet(commands).typed(text) }

// typed reads a command typed as text in a DM ("/help", "/language de"):
// Discord sends those as plain messages when the patient does not pick the
// slash command from the menu.
func (cs commandSet) typed(text string) (*engine.Command, bool) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "/") {
		return nil, false
	}
	name, arg, _ := strings.Cut(text[1:], " ")
	c, ok := cs.lookup(strings.ToLower(name))
	if !ok {
		return nil, false
	}
	arg = strings.TrimSpace(arg)
	if c.Option == "" && !(c.Command == engine.CmdStart && c.Arg == "") {
		if arg != "" {
			return nil, false
		}
		arg = c.Arg
	}
	return &engine.Command{Name: c.Command, Arg: arg}, true
}
