package parse

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

type lineRec struct {
	line int
	rec  []string
}

// readRecords reads data with read (eachRecord or eachCSVRecord), returning
// the records with their lines and the error, as text.
func readRecords(data []byte, comma rune, first int, csvOnly bool) ([]lineRec, string) {
	t := &table{file: "x.csv", comma: comma}
	read := t.eachRecord
	if csvOnly {
		read = t.eachCSVRecord
	}
	var out []lineRec
	err := read(chunk{data: data, line: first}, func(rec []string, line int) error {
		out = append(out, lineRec{line, append([]string(nil), rec...)})
		return nil
	})
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	return out, msg
}

func sameRecords(t *testing.T, data []byte, comma rune) {
	t.Helper()
	got, gotErr := readRecords(data, comma, 7, false)
	want, wantErr := readRecords(data, comma, 7, true)
	if !reflect.DeepEqual(got, want) || gotErr != wantErr {
		t.Errorf("%q (comma %q):\n got  %v %s\n want %v %s", data, comma, got, gotErr, want, wantErr)
	}
}

// TestLineRecordsMatchEncodingCSV: the in-place splitter returns the
// records, lines and errors that encoding/csv does.
func TestLineRecordsMatchEncodingCSV(t *testing.T) {
	for _, in := range []string{
		"",
		"a,b\n",
		"a,b",
		"a,b\r\n",
		"a,b\r",
		"a,b\r\r\n",
		"a\rb,c\n",
		"\n\na,b\n\n",
		"\r\n\r\na,b\r\n",
		"a,\n,b\n,\n",
		" , \n",
		"a,b,c\nd\ne,f,g,h\n",
		"x;y;z\n1,5;2\n",
		"é,ü\n",
		`a,"b, c",d` + "\n",
		`"",""` + "\n",
		`"""",x,"say ""hi"""` + "\n",
		`a,"b",` + "\n",
		`"a"` + "\r\n" + `"b"`,
		"a,\"multi\nline\",c\nd,e\n",
		"a,\"multi\r\nline\",c\r\nd,e\r\n",
		"a,b\"c,d\n",
		"a,\"b\"c,d\n",
		"a,\"b\" ,d\n",
		"a,\"open\n",
		"ok,1\nbad\"2\nlater,3\n",
		`"x"` + "\r\r\n",
	} {
		sameRecords(t, []byte(in), ',')
		sameRecords(t, []byte(in), ';')
	}
}

func FuzzLineRecords(f *testing.F) {
	f.Add([]byte("a,b\r\n\nc,,d\r"), false)
	f.Add([]byte("x;\"y;\"\"z\"\n;\n"), true)
	f.Add([]byte("a,\"multi\nline\",c\nd\"e\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, semicolon bool) {
		comma := ','
		if semicolon {
			comma = ';'
		}
		sameRecords(t, data, comma)
	})
}

// TestRowsDoNotAliasInput: the plain path splits the input in place, so
// everything a parsed File keeps must be a copy. Overwriting the input
// after the read must change nothing.
func TestRowsDoNotAliasInput(t *testing.T) {
	var w, c bytes.Buffer
	w.WriteString("date,athlete,sport,duration,rpe,notes\n")
	c.WriteString("date,athlete,sleep_hours,soreness,hrv,notes\n")
	for i := 0; i < 70000; i++ {
		rpe, sore := fmt.Sprint(i%10), fmt.Sprint(1+i%9)
		if i%9999 == 5 {
			rpe, sore = "eleven", "-3" // skipped in lenient mode, with the athlete
		}
		fmt.Fprintf(&w, "2025-%02d-%02d,Ath %d,Sport %d,45,%s,note %d\n", i%12+1, i%28+1, i%30, i%5, rpe, i%3)
		fmt.Fprintf(&c, "2025-%02d-%02d,Ath %d,7.5,%s,55,felt %d\n", i%12+1, i%28+1, i%30, sore, i%4)
	}
	for _, tc := range []struct {
		data []byte
		read func([]byte, string, Options) (*File, error)
	}{{w.Bytes(), ReadWorkoutsBytes}, {c.Bytes(), ReadCheckinsBytes}} {
		if len(tc.data) < 2*parallelMin {
			t.Fatalf("sheet too small to be split: %d bytes", len(tc.data))
		}
		f, err := tc.read(tc.data, "x.csv", Options{Lenient: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Skipped) == 0 || f.Used() == 0 {
			t.Fatalf("want kept and skipped rows, got %d and %d", f.Used(), len(f.Skipped))
		}
		before := fmt.Sprintf("%+v", *f)
		for i := range tc.data {
			tc.data[i] = 'X'
		}
		if after := fmt.Sprintf("%+v", *f); after != before {
			t.Errorf("the parsed file changed when its input was overwritten")
		}
		if !strings.Contains(before, "Ath 29") {
			t.Errorf("rows lost their athletes")
		}
	}
}
