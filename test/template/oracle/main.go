// Test-only oracle: renders Go text/template cases with sprig's TxtFuncMap so the TypeScript
// evaluator in src/template can be compared with Go itself. Reads a JSON array of cases on stdin
// and writes a JSON array of results on stdout, in the same order.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"text/template"

	sprig "github.com/Masterminds/sprig/v3"
)

type tcase struct {
	Name     string          `json:"name"`
	Template string          `json:"template"`
	Data     json.RawMessage `json:"data"`
	LDelim   string          `json:"ldelim"`
	RDelim   string          `json:"rdelim"`
}

type result struct {
	Output *string `json:"output,omitempty"`
	Error  *string `json:"error,omitempty"`
}

// convert turns json.Number into int (when integral) or float64, as the TypeScript side does.
func convert(v interface{}) interface{} {
	switch t := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return int(i)
		}
		f, _ := t.Float64()
		return f
	case map[string]interface{}:
		for k, e := range t {
			t[k] = convert(e)
		}
		return t
	case []interface{}:
		for i, e := range t {
			t[i] = convert(e)
		}
		return t
	}
	return v
}

func run(c tcase) (res result) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprintf("panic: %v", r)
			res = result{Error: &msg}
		}
	}()
	var data interface{}
	if len(c.Data) > 0 {
		dec := json.NewDecoder(bytes.NewReader(c.Data))
		dec.UseNumber()
		if err := dec.Decode(&data); err != nil {
			msg := "bad data: " + err.Error()
			return result{Error: &msg}
		}
		data = convert(data)
	}
	name := c.Name
	if name == "" {
		name = "t"
	}
	tmpl, err := template.New(name).Delims(c.LDelim, c.RDelim).Funcs(sprig.TxtFuncMap()).Parse(c.Template)
	if err != nil {
		msg := err.Error()
		return result{Error: &msg}
	}
	var out bytes.Buffer
	if err := tmpl.Execute(&out, data); err != nil {
		msg := err.Error()
		return result{Error: &msg}
	}
	s := out.String()
	return result{Output: &s}
}

func main() {
	var cases []tcase
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, "oracle: bad input:", err)
		os.Exit(2)
	}
	results := make([]result, len(cases))
	for i, c := range cases {
		results[i] = run(c)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, "oracle: write:", err)
		os.Exit(2)
	}
}
