package flow

import (
	"regexp"

	"go.yaml.in/yaml/v3"
)

// commandRe is what a flow's `command:` may be: a Discord chat command name
// (1 to 32 characters), kept to lowercase ASCII so that it can also be typed.
var commandRe = regexp.MustCompile(`^[a-z0-9_-]{1,32}$`)

// ReservedCommands are the commands the channels have themselves (the
// engine's commands and Discord's staff commands): no flow's `command:` may
// take one of them.
var ReservedCommands = []string{
	"start", "help", "restart", "stop", "forget", "language", "safe",
	"referrals", "referral", "status", "note", "takeover", "say", "handback", "weblogin",
	"appointments", "reminders", "appointment",
}

// flowCommand decodes a flow's `command:` value n. Only a registered flow
// (register) claims its name, so a duplicate flow does not also report a
// duplicate command.
func (c *compiler) flowCommand(fd *flowDef, n *yaml.Node, register bool) {
	r := fd.f.r
	name, ok := r.str(n, "command")
	if !ok {
		return
	}
	switch {
	case !commandRe.MatchString(name):
		r.errorf(n, "command: %q is not a valid command name: use 1 to 32 lowercase letters, digits, '-' and '_' (Discord shows it as /%s)", name, name)
		return
	case contains(ReservedCommands, name):
		r.errorf(n, "command: /%s is one of the bot's own commands (%s); choose another name", name, list(ReservedCommands, false))
		return
	}
	if prev, dup := c.commands[name]; dup {
		r.errorf(n, "command: /%s is already the command of the flow at %s; each flow needs its own", name, prev)
		return
	}
	if !register {
		return
	}
	if c.commands == nil {
		c.commands = map[string]Pos{}
	}
	c.commands[name] = r.pos(n)
	fd.flow.Command = name
}
