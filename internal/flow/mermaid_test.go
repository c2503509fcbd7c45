package flow

import "testing"

func TestMermaid(t *testing.T) {
	b := mustCompile(t, map[string]string{"main.yaml": `kapbot: 1
flow: main
steps:
  - id: consent
    ask: {type: yesno, text: Agree, fallback: end}
  - id: route
    branch:
      - {if: 'consent == true && locale != "x|y"', goto: check}
    else: end
  - id: check
    review: [consent]
  - id: end
    end: Bye.
`})
	want := `flowchart TD
  s_consent[/"consent<br/>ask yesno"/]
  s_route{"route<br/>branch"}
  s_check[/"check<br/>review"/]
  s_end(["end<br/>end"])
  s_consent --> s_route
  s_consent -->|"fallback"| s_end
  s_route -->|"consent == true && locale != #quot;x#124;y#quot;"| s_check
  s_route -->|"else"| s_end
  s_check --> s_end
  s_check -.->|change| s_consent
  s_end --> x_end
  x_end(((end)))
`
	if got := Mermaid(b.Flows["main"]); got != want {
		t.Errorf("Mermaid =\n%s\nwant\n%s", got, want)
	}
}
