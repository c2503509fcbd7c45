package discordtest

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"testing"
)

// upload posts a multipart message: payload ("" for none) and files.
func upload(t *testing.T, s *Server, channel, payload string, files map[string][]byte) int {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if payload != "" {
		w, _ := mw.CreateFormField("payload_json")
		w.Write([]byte(payload))
	}
	for field, data := range files {
		w, _ := mw.CreateFormFile(field, "chart.png")
		w.Write(data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", s.URL()+"/channels/"+channel+"/messages", &buf)
	req.Header.Set("Authorization", "Bot "+s.Token())
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestUploads(t *testing.T) {
	t.Parallel()
	s := New(t, Options{Limit: 1000})
	const guild, ch = "900000000000000001", "555000000000000001"
	s.AddChannel(guild, ch)
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 500)...)
	for _, c := range []struct {
		name    string
		payload string
		files   map[string][]byte
		want    int
	}{
		{"file only", `{"attachments":[{"id":0,"filename":"chart.png"}]}`, map[string][]byte{"files[0]": png}, 200},
		{"no payload_json", "", map[string][]byte{"files[0]": png}, 400},
		{"attachment without its file", `{"attachments":[{"id":1,"filename":"x.png"}]}`, map[string][]byte{"files[0]": png}, 400},
		{"unknown field", `{}`, map[string][]byte{"image": png}, 400},
		{"too large", `{}`, map[string][]byte{"files[0]": make([]byte, MaxUpload+1)}, 413},
		{"empty", `{}`, nil, 400},
	} {
		if got := upload(t, s, ch, c.payload, c.files); got != c.want {
			t.Errorf("%s: status %d, want %d", c.name, got, c.want)
		}
	}
	ms := s.ChannelMessages(ch)
	if len(ms) != 1 || len(ms[0].Attachments) != 1 || ms[0].Attachments[0].Size != len(png) || !ms[0].Attachments[0].PNG {
		t.Fatalf("messages %+v", ms)
	}
}
