package discordtest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"
)

// Discord's limits, enforced by the fake as the real API does.
const (
	MaxContent       = 2000     // characters (code points) in a message
	MaxRows          = 5        // action rows per message
	MaxButtonsPerRow = 5        // buttons in one action row
	MaxSelectOptions = 25       // options of one select menu
	MaxButtonLabel   = 80       // characters in a button label
	MaxOptionLabel   = 100      // characters in a select option's label, value or description
	MaxCustomID      = 100      // characters in a custom_id
	MaxPlaceholder   = 150      // characters in a select menu's placeholder
	MaxUpload        = 10 << 20 // bytes of all files of one message (Discord's default upload limit)
	MaxAttachments   = 10       // files of one message
)

// Component types and styles used by the fake.
const (
	TypeActionRow    = 1
	TypeButton       = 2
	TypeStringSelect = 3
	StyleLink        = 5
)

// Interaction types and callback types.
const (
	InteractionCommand   = 2
	InteractionComponent = 3

	CallbackMessage         = 4 // CHANNEL_MESSAGE_WITH_SOURCE
	CallbackDeferredMessage = 5 // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
	CallbackDeferredUpdate  = 6 // DEFERRED_UPDATE_MESSAGE
	CallbackUpdateMessage   = 7 // UPDATE_MESSAGE
)

// Message flags.
const (
	FlagEphemeral = 1 << 6
	FlagLoading   = 1 << 7
)

// Component is a message component in Discord's wire format: an action row
// (Type 1, with Components), a button (Type 2) or a string select menu
// (Type 3). The same struct decodes what the bot sends and encodes what the
// fake dispatches.
type Component struct {
	Type        int             `json:"type"`
	CustomID    string          `json:"custom_id,omitempty"`
	Label       string          `json:"label,omitempty"`
	Style       int             `json:"style,omitempty"`
	URL         string          `json:"url,omitempty"`
	Disabled    bool            `json:"disabled,omitempty"`
	Emoji       json.RawMessage `json:"emoji,omitempty"`
	Placeholder string          `json:"placeholder,omitempty"`
	MinValues   *int            `json:"min_values,omitempty"`
	MaxValues   *int            `json:"max_values,omitempty"`
	Options     []SelectOption  `json:"options,omitempty"`
	Components  []Component     `json:"components,omitempty"`
}

// SelectOption is one option of a string select menu.
type SelectOption struct {
	Label       string `json:"label"`
	Value       string `json:"value"`
	Description string `json:"description,omitempty"`
}

// Message is a message as the fake stores it. Rows holds the message's action
// rows as they are now, after every edit.
type Message struct {
	ID          string
	ChannelID   string
	GuildID     string
	AuthorID    string
	Bot         bool // written by the bot (REST or interaction response)
	Content     string
	Rows        []Component
	Flags       int
	Nonce       string
	Interaction string // the interaction this message responds to, if any
	Created     time.Time
	Edits       int
	Attachments []Attachment // files uploaded with the message (multipart/form-data)
}

// Attachment is a file uploaded with a message.
type Attachment struct {
	ID          string
	Filename    string
	ContentType string
	Size        int
	PNG         bool // the data starts with the PNG signature
}

// Buttons returns every button of the message, row by row.
func (m Message) Buttons() []Component {
	var out []Component
	for _, r := range m.Rows {
		for _, c := range r.Components {
			if c.Type == TypeButton {
				out = append(out, c)
			}
		}
	}
	return out
}

// Selects returns every select menu of the message.
func (m Message) Selects() []Component {
	var out []Component
	for _, r := range m.Rows {
		for _, c := range r.Components {
			if c.Type == TypeStringSelect {
				out = append(out, c)
			}
		}
	}
	return out
}

// Ephemeral reports whether only the invoking user sees the message.
func (m Message) Ephemeral() bool { return m.Flags&FlagEphemeral != 0 }

// Interaction is what the fake knows about one dispatched interaction.
type Interaction struct {
	ID         string
	Token      string
	Type       int // InteractionCommand or InteractionComponent
	Name       string
	CustomID   string
	Values     []string
	UserID     string
	GuildID    string
	ChannelID  string
	MessageID  string // the message whose component was used
	Seq        int64  // gateway sequence of its first dispatch
	Dispatched time.Time
	Acked      bool
	AckType    int
	AckedAt    time.Time
	Late       bool   // a callback arrived after the deadline and was refused
	Response   string // id of the original response message (callback 4 or 5)
	Followups  []string
}

// AckDelay is how long after its dispatch the interaction was acknowledged.
func (i Interaction) AckDelay() time.Duration { return i.AckedAt.Sub(i.Dispatched) }

// Command is a registered application command.
type Command struct {
	ID          string          `json:"id"`
	AppID       string          `json:"application_id"`
	GuildID     string          `json:"guild_id,omitempty"`
	Type        int             `json:"type,omitempty"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Options     []CommandOption `json:"options,omitempty"`
	Contexts    []int           `json:"contexts,omitempty"`
	DMPerm      *bool           `json:"dm_permission,omitempty"`
	Version     string          `json:"version"`

	// DescriptionLocalizations is the description by Discord locale.
	DescriptionLocalizations map[string]string `json:"description_localizations,omitempty"`
}

// CommandOption is an option of an application command.
type CommandOption struct {
	Type        int    `json:"type"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Required    bool   `json:"required,omitempty"`
}

// Request is one REST request the fake answered.
type Request struct {
	At     time.Time
	Method string
	Path   string
	Route  string // "POST /channels/{channel}/messages"
	Bucket string // route plus its major parameter
	Status int
}

// Dispatch identifies an event the fake sent on the gateway.
type Dispatch struct {
	Seq int64
	ID  string // interaction or message id
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// formErrors collects Discord "Invalid Form Body" problems.
type formErrors map[string]string

func (f formErrors) add(path, format string, a ...any) {
	if _, ok := f[path]; !ok {
		f[path] = fmt.Sprintf(format, a...)
	}
}

// validateComponents checks rows as Discord does and records every problem.
func validateComponents(rows []Component, f formErrors) {
	if len(rows) > MaxRows {
		f.add("components", "Must be %d or fewer in length.", MaxRows)
	}
	ids := map[string]bool{}
	for i, r := range rows {
		p := "components." + strconv.Itoa(i)
		if r.Type != TypeActionRow {
			f.add(p+".type", "top-level components must be action rows")
			continue
		}
		if len(r.Components) == 0 || len(r.Components) > MaxButtonsPerRow {
			f.add(p+".components", "Must be between 1 and %d in length.", MaxButtonsPerRow)
		}
		selects := 0
		for j, c := range r.Components {
			cp := p + ".components." + strconv.Itoa(j)
			switch c.Type {
			case TypeButton:
				validateButton(c, cp, f)
			case TypeStringSelect:
				selects++
				validateSelect(c, cp, f)
			default:
				f.add(cp+".type", "unsupported component type %d in an action row", c.Type)
			}
			if c.CustomID != "" {
				if ids[c.CustomID] {
					f.add(cp+".custom_id", "Component custom id cannot be duplicated")
				}
				ids[c.CustomID] = true
			}
		}
		if selects > 0 && len(r.Components) != 1 {
			f.add(p+".components", "A select menu must be alone in its action row.")
		}
	}
}

func validateButton(c Component, p string, f formErrors) {
	if c.Style < 1 || c.Style > 5 {
		f.add(p+".style", "Value must be one of {1, 2, 3, 4, 5}.")
	}
	if c.Style == StyleLink {
		if c.URL == "" || c.CustomID != "" {
			f.add(p+".url", "A link button needs a url and no custom_id.")
		}
	} else if c.CustomID == "" {
		f.add(p+".custom_id", "This field is required")
	}
	if runes(c.CustomID) > MaxCustomID {
		f.add(p+".custom_id", "Must be %d or fewer in length.", MaxCustomID)
	}
	if runes(c.Label) > MaxButtonLabel {
		f.add(p+".label", "Must be %d or fewer in length.", MaxButtonLabel)
	}
	if c.Label == "" && (len(c.Emoji) == 0 || string(c.Emoji) == "null") {
		f.add(p+".label", "A button needs a label or an emoji.")
	}
}

func validateSelect(c Component, p string, f formErrors) {
	if c.CustomID == "" {
		f.add(p+".custom_id", "This field is required")
	}
	if runes(c.CustomID) > MaxCustomID {
		f.add(p+".custom_id", "Must be %d or fewer in length.", MaxCustomID)
	}
	if runes(c.Placeholder) > MaxPlaceholder {
		f.add(p+".placeholder", "Must be %d or fewer in length.", MaxPlaceholder)
	}
	if len(c.Options) == 0 || len(c.Options) > MaxSelectOptions {
		f.add(p+".options", "Must be between 1 and %d in length.", MaxSelectOptions)
	}
	values := map[string]bool{}
	for k, o := range c.Options {
		op := p + ".options." + strconv.Itoa(k)
		if n := runes(o.Label); n == 0 || n > MaxOptionLabel {
			f.add(op+".label", "Must be between 1 and %d in length.", MaxOptionLabel)
		}
		if n := runes(o.Value); n == 0 || n > MaxOptionLabel {
			f.add(op+".value", "Must be between 1 and %d in length.", MaxOptionLabel)
		}
		if runes(o.Description) > MaxOptionLabel {
			f.add(op+".description", "Must be %d or fewer in length.", MaxOptionLabel)
		}
		if values[o.Value] {
			f.add(op+".value", "Select option values must be unique.")
		}
		values[o.Value] = true
	}
	lo, hi := minMax(c)
	if lo < 0 || lo > MaxSelectOptions {
		f.add(p+".min_values", "Must be between 0 and %d.", MaxSelectOptions)
	}
	if hi < 1 || hi > MaxSelectOptions {
		f.add(p+".max_values", "Must be between 1 and %d.", MaxSelectOptions)
	}
	if lo > hi || hi > len(c.Options) {
		f.add(p+".max_values", "min_values <= max_values <= number of options is required.")
	}
}

// minMax returns a select menu's min_values and max_values with Discord's
// defaults of 1.
func minMax(c Component) (int, int) {
	lo, hi := 1, 1
	if c.MinValues != nil {
		lo = *c.MinValues
	}
	if c.MaxValues != nil {
		hi = *c.MaxValues
	}
	return lo, hi
}
