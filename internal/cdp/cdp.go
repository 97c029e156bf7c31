// Package cdp drives headless Chromium over the DevTools protocol through
// a pipe (--remote-debugging-pipe: requests on fd 3, replies on fd 4, each
// message a JSON text ended by a NUL byte), with nothing but the standard
// library. The browser smoke test uses it for what command-line flags
// cannot do: emulate a phone (a plain --window-size=390 gives the page an
// inner width of 500), emulate dark mode or scripts off, read the console,
// measure the layout and print to PDF.
package cdp

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Browser is one headless Chromium with a fresh profile.
type Browser struct {
	cmd     *exec.Cmd
	in      io.WriteCloser
	profile string

	mu      sync.Mutex
	next    int
	pending map[int]chan reply
	events  map[string][]func(json.RawMessage) // by sessionId + " " + method
	done    chan struct{}
	err     error
}

type reply struct {
	Result json.RawMessage
	Err    error
}

type message struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// Launch starts Chromium headless with the network off where the machine
// allows it (inside `unshare -n`), plus extra flags.
func Launch(extra ...string) (*Browser, error) {
	profile, err := os.MkdirTemp("", "workin-cdp-")
	if err != nil {
		return nil, err
	}
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
		"--disable-extensions", "--mute-audio", "--remote-debugging-pipe", "--user-data-dir=" + profile}
	args = append(args, extra...)
	name := "chromium"
	if exec.Command("unshare", "-n", "true").Run() == nil {
		name, args = "unshare", append([]string{"-n", "chromium"}, args...)
	}
	cmd := exec.Command(name, args...)
	toChrome, chromeIn, err := os.Pipe() // the browser reads fd 3
	if err != nil {
		return nil, err
	}
	chromeOut, fromChrome, err := os.Pipe() // and writes fd 4
	if err != nil {
		return nil, err
	}
	cmd.ExtraFiles = []*os.File{toChrome, fromChrome}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		os.RemoveAll(profile)
		return nil, fmt.Errorf("starting chromium: %w", err)
	}
	toChrome.Close()
	fromChrome.Close()
	b := &Browser{cmd: cmd, in: chromeIn, profile: profile, pending: map[int]chan reply{},
		events: map[string][]func(json.RawMessage){}, done: make(chan struct{})}
	go b.read(chromeOut)
	return b, nil
}

func (b *Browser) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	defer close(b.done)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			b.fail(fmt.Errorf("chromium closed the pipe: %w", err))
			return
		}
		var m message
		if err := json.Unmarshal(raw[:len(raw)-1], &m); err != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			ch := b.pending[m.ID]
			delete(b.pending, m.ID)
			b.mu.Unlock()
			if ch != nil {
				rep := reply{Result: m.Result}
				if m.Error != nil {
					rep.Err = fmt.Errorf("%s", m.Error.Message)
				}
				ch <- rep
			}
			continue
		}
		hs := append([]func(json.RawMessage){}, b.events[m.SessionID+" "+m.Method]...)
		b.mu.Unlock()
		for _, h := range hs {
			h(m.Params)
		}
	}
}

func (b *Browser) fail(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err = err
	}
	for id, ch := range b.pending {
		ch <- reply{Err: b.err}
		delete(b.pending, id)
	}
}

// call sends a command to the browser (session "") or a page session and
// waits for its reply.
func (b *Browser) call(session, method string, params any, out any) error {
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	if params == nil {
		p = []byte("{}")
	}
	b.mu.Lock()
	if b.err != nil {
		b.mu.Unlock()
		return b.err
	}
	b.next++
	id := b.next
	ch := make(chan reply, 1)
	b.pending[id] = ch
	b.mu.Unlock()
	msg, _ := json.Marshal(message{ID: id, Method: method, Params: p, SessionID: session})
	if _, err := b.in.Write(append(msg, 0)); err != nil {
		return err
	}
	select {
	case rep := <-ch:
		if rep.Err != nil {
			return fmt.Errorf("%s: %w", method, rep.Err)
		}
		if out != nil {
			return json.Unmarshal(rep.Result, out)
		}
		return nil
	case <-time.After(120 * time.Second):
		return fmt.Errorf("%s: no reply in 120 s", method)
	}
}

func (b *Browser) on(session, method string, h func(json.RawMessage)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	k := session + " " + method
	b.events[k] = append(b.events[k], h)
}

// Close ends the browser and removes its profile.
func (b *Browser) Close() {
	b.call("", "Browser.close", nil, nil)
	select {
	case <-b.done:
	case <-time.After(5 * time.Second):
		b.cmd.Process.Kill()
	}
	b.cmd.Wait()
	os.RemoveAll(b.profile)
}

// Page is one tab.
type Page struct {
	b       *Browser
	session string

	mu      sync.Mutex
	console []string
	loaded  chan struct{}
}

// Device is what a page is shown on.
type Device struct {
	Width, Height int
	Scale         float64 // device pixels per CSS pixel
	Mobile        bool    // a phone: viewport meta honoured, touch
	Dark          bool    // prefers-color-scheme: dark
	Print         bool    // CSS media print
	NoScript      bool    // JavaScript off
}

// Phone is a 380 × 700 phone at 3 device pixels per CSS pixel.
var Phone = Device{Width: 380, Height: 700, Scale: 3, Mobile: true}

// Laptop is a 1280 × 800 window.
var Laptop = Device{Width: 1280, Height: 800, Scale: 1}

// NewPage opens a blank tab emulating the device.
func (b *Browser) NewPage(d Device) (*Page, error) {
	var t struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &t); err != nil {
		return nil, err
	}
	var s struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call("", "Target.attachToTarget", map[string]any{"targetId": t.TargetID, "flatten": true}, &s); err != nil {
		return nil, err
	}
	p := &Page{b: b, session: s.SessionID, loaded: make(chan struct{}, 1)}
	b.on(p.session, "Runtime.consoleAPICalled", func(raw json.RawMessage) {
		var e struct {
			Type string `json:"type"`
			Args []struct {
				Value       any    `json:"value"`
				Description string `json:"description"`
			} `json:"args"`
		}
		json.Unmarshal(raw, &e)
		var parts []string
		for _, a := range e.Args {
			if a.Value != nil {
				parts = append(parts, fmt.Sprint(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		p.note("console." + e.Type + ": " + strings.Join(parts, " "))
	})
	b.on(p.session, "Runtime.exceptionThrown", func(raw json.RawMessage) {
		var e struct {
			Details struct {
				Text      string `json:"text"`
				Exception struct {
					Description string `json:"description"`
				} `json:"exception"`
			} `json:"exceptionDetails"`
		}
		json.Unmarshal(raw, &e)
		p.note("exception: " + e.Details.Text + " " + e.Details.Exception.Description)
	})
	b.on(p.session, "Log.entryAdded", func(raw json.RawMessage) {
		var e struct {
			Entry struct {
				Level, Text, URL string
			} `json:"entry"`
		}
		json.Unmarshal(raw, &e)
		p.note("log." + e.Entry.Level + ": " + e.Entry.Text + " " + e.Entry.URL)
	})
	b.on(p.session, "Page.loadEventFired", func(json.RawMessage) {
		select {
		case p.loaded <- struct{}{}:
		default:
		}
	})
	for _, m := range []string{"Runtime.enable", "Log.enable", "Page.enable"} {
		if err := p.Call(m, nil, nil); err != nil {
			return nil, err
		}
	}
	if err := p.Emulate(d); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Page) note(s string) {
	p.mu.Lock()
	p.console = append(p.console, s)
	p.mu.Unlock()
}

// Console returns the console messages, exceptions and log entries so far.
func (p *Page) Console() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string{}, p.console...)
}

// Call sends a command to the page.
func (p *Page) Call(method string, params, out any) error {
	return p.b.call(p.session, method, params, out)
}

// Emulate sets the viewport, colour scheme, media and scripts.
func (p *Page) Emulate(d Device) error {
	scale := d.Scale
	if scale == 0 {
		scale = 1
	}
	if err := p.Call("Emulation.setDeviceMetricsOverride", map[string]any{"width": d.Width, "height": d.Height,
		"deviceScaleFactor": scale, "mobile": d.Mobile}, nil); err != nil {
		return err
	}
	if err := p.Call("Emulation.setTouchEmulationEnabled", map[string]any{"enabled": d.Mobile}, nil); err != nil {
		return err
	}
	scheme, media := "light", ""
	if d.Dark {
		scheme = "dark"
	}
	if d.Print {
		media = "print"
	}
	if err := p.Call("Emulation.setEmulatedMedia", map[string]any{"media": media,
		"features": []map[string]string{{"name": "prefers-color-scheme", "value": scheme}}}, nil); err != nil {
		return err
	}
	return p.Call("Emulation.setScriptExecutionDisabled", map[string]any{"value": d.NoScript}, nil)
}

// Navigate loads url and waits for its load event.
func (p *Page) Navigate(url string) (time.Duration, error) {
	start := time.Now()
	for len(p.loaded) > 0 {
		<-p.loaded
	}
	var r struct {
		ErrorText string `json:"errorText"`
	}
	if err := p.Call("Page.navigate", map[string]any{"url": url}, &r); err != nil {
		return 0, err
	}
	if r.ErrorText != "" {
		return 0, errors.New(r.ErrorText)
	}
	select {
	case <-p.loaded:
	case <-time.After(120 * time.Second):
		return 0, fmt.Errorf("%s: not loaded in 120 s", url)
	}
	return time.Since(start), nil
}

// Eval evaluates a JavaScript expression (promises awaited) and decodes
// its value into out.
func (p *Page) Eval(expr string, out any) error {
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		Exception *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	if err := p.Call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r); err != nil {
		return err
	}
	if r.Exception != nil {
		return fmt.Errorf("evaluating %.60q: %s %s", expr, r.Exception.Text, r.Exception.Exception.Description)
	}
	if out != nil && len(r.Result.Value) > 0 {
		return json.Unmarshal(r.Result.Value, out)
	}
	return nil
}

// Screenshot captures the viewport, or the whole page when full.
func (p *Page) Screenshot(full bool) ([]byte, error) {
	params := map[string]any{"format": "png"}
	if full {
		params["captureBeyondViewport"] = true
		var m struct {
			CSSContentSize struct{ Width, Height float64 } `json:"cssContentSize"`
		}
		if err := p.Call("Page.getLayoutMetrics", nil, &m); err != nil {
			return nil, err
		}
		params["clip"] = map[string]any{"x": 0, "y": 0, "width": m.CSSContentSize.Width, "height": m.CSSContentSize.Height, "scale": 1}
	}
	var r struct {
		Data string `json:"data"`
	}
	if err := p.Call("Page.captureScreenshot", params, &r); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}

// PDF prints the page (A4, default margins, backgrounds) as a PDF.
func (p *Page) PDF() ([]byte, error) {
	var r struct {
		Data string `json:"data"`
	}
	if err := p.Call("Page.printToPDF", map[string]any{"printBackground": true, "paperWidth": 8.27, "paperHeight": 11.69,
		"preferCSSPageSize": true}, &r); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(r.Data)
}

// PDFPages counts the pages of a PDF Chromium wrote (its page objects).
func PDFPages(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }

var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)
