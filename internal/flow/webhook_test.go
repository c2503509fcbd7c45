package flow

import (
	"testing"
)

func TestClinicWebhook(t *testing.T) {
	main := "kapbot: 1\nflow: main\ntitle: {en: Main, de: Haupt}\nsteps: [{id: a, end: true}]\n"
	for _, tt := range []struct {
		name, webhook string
		want          []string
	}{
		{"http elsewhere", "webhook:\n  url: http://records.example.org/in\n",
			[]string{`clinic.yaml:12:8: webhook: url: use https (the events hold health data; http is allowed only for localhost)`}},
		{"not absolute", "webhook: {url: /in}\n",
			[]string{`clinic.yaml:11:16: webhook: url: "/in" is not an absolute URL`}},
		{"secret in the file", "webhook:\n  url: https://records.example.org/in\n  secret: hunter2\n",
			[]string{`clinic.yaml:13:3: webhook: secret: never write the secret in clinic.yaml; put it in an environment variable and name it with secret_env (default KAPBOT_WEBHOOK_SECRET)`}},
		{"bad env name", "webhook:\n  url: https://records.example.org/in\n  secret_env: my-secret\n",
			[]string{`clinic.yaml:13:15: webhook: secret_env: "my-secret" is not an environment variable name (letters, digits and _)`}},
		{"missing url", "webhook: {secret_env: X}\n",
			[]string{`clinic.yaml:11:1: webhook: missing key "url" (where referral events are POSTed, e.g. https://records.example.org/kapbot)`}},
		{"unknown key", "webhook: {url: 'https://x.example/in', urll: y}\n",
			[]string{`clinic.yaml:11:40: webhook: unknown key "urll"; did you mean "url"?`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			diffLines(t, problemsIn(t, map[string]string{"clinic.yaml": testClinic2 + tt.webhook, "main.yaml": main}), tt.want)
		})
	}

	for _, c := range []struct{ webhook, url, env string }{
		{"webhook: {url: 'https://records.example.org/in'}\n", "https://records.example.org/in", DefaultWebhookSecretEnv},
		{"webhook: {url: 'http://localhost:8080/in', secret_env: CLINIC_HOOK_KEY}\n", "http://localhost:8080/in", "CLINIC_HOOK_KEY"},
		{"webhook: {url: 'http://127.0.0.1/in'}\n", "http://127.0.0.1/in", DefaultWebhookSecretEnv},
	} {
		b, probs := Compile(sources(map[string]string{"clinic.yaml": testClinic2 + c.webhook, "main.yaml": main}))
		if err := probs.Err(); err != nil {
			t.Fatal(err)
		}
		if w := b.Clinic.Webhook; w == nil || w.URL != c.url || w.SecretEnv != c.env {
			t.Errorf("%q: webhook %+v", c.webhook, w)
		}
	}
	b, _ := Compile(sources(map[string]string{"clinic.yaml": testClinic2, "main.yaml": main}))
	if b.Clinic.Webhook != nil {
		t.Error("webhook without webhook:")
	}
}
