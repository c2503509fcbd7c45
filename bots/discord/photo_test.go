package discord

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/kapbot/kapbot/bots/discord/discordtest"
)

func testPNG(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 64, 64))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A staff chart is uploaded as Discord takes files (multipart/form-data
// with payload_json), with its caption, to the staff channel.
func TestSendStaffPhotoUploadsThePNG(t *testing.T) {
	h := start(t, discordtest.Options{}, Config{}, nil)
	const guild, channel = "900000000000000001", "555000000000000001"
	h.fake.AddChannel(guild, channel)
	img := testPNG(t)
	id, err := h.ch.SendStaffPhoto(context.Background(), channel, img, "PHQ-9 over time, referral 0a1b2c3d")
	if err != nil {
		t.Fatal(err)
	}
	m, ok := h.fake.Message(id)
	if !ok || m.ChannelID != channel || !strings.HasSuffix(m.Content, "9 over time, referral 0a1b2c3d") {
		t.Fatalf("message %+v", m)
	}
	if len(m.Attachments) != 1 {
		t.Fatalf("attachments %+v", m.Attachments)
	}
	if a := m.Attachments[0]; a.Size != len(img) || !a.PNG || a.Filename != "chart.png" || a.ContentType != "image/png" {
		t.Fatalf("attachment %+v", a)
	}
	if _, err := h.ch.SendStaffPhoto(context.Background(), "not-a-channel", img, "x"); err == nil {
		t.Fatal("bad channel id accepted")
	}
	if v := h.fake.Violations(); len(v) != 0 {
		t.Fatalf("violations %v", v)
	}
}
