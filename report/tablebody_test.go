package report

import (
	"html/template"
	"strings"
	"testing"
)

// TestTableBodyAsTemplate: Body writes what the template's range over
// the rows wrote, byte for byte, whatever the cells hold.
func TestTableBodyAsTemplate(t *testing.T) {
	ref := template.Must(template.New("rows").Parse(`{{- range .Rows}}
<tr>{{range $i, $c := .}}{{if $i}}<td class="num">{{$c}}</td>{{else}}<th scope="row">{{$c}}</th>{{end}}{{end}}</tr>
{{- end}}`))
	for _, rows := range [][][]string{
		nil,
		{{"2026-11-30", "12", "+3", "—"}},
		{{"Mon", `<script>"x"&'y'</script>`, "a\x00b", "\xff", "+−±"}, {"Tue"}},
	} {
		tv := &tableView{Rows: rows}
		var want strings.Builder
		if err := ref.Execute(&want, tv); err != nil {
			t.Fatal(err)
		}
		if got := string(tv.Body()); got != want.String() {
			t.Errorf("rows %q:\n got %q\nwant %q", rows, got, want.String())
		}
	}
}
