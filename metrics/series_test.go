package metrics

import (
	"math"
	"testing"
)

func TestPMC(t *testing.T) {
	// science reference §4: loads 100, 0, 50.
	loads := []float64{100, 0, 50}
	tests := []struct {
		name          string
		p             func(*Params)
		ctl, atl, tsb []float64
	}{
		{"exponential, tsb yesterday", func(*Params) {},
			[]float64{2.3528, 2.2975, 3.4198}, []float64{13.3122, 11.5401, 16.6599}, []float64{0, -10.9594, -9.2426}},
		{"linear", func(p *Params) { p.PMCDecay = DecayLinear },
			[]float64{2.3810, 2.3243, 3.4594}, []float64{14.2857, 12.2449, 17.6385}, []float64{0, -11.9048, -9.9206}},
		{"tsb today", func(p *Params) { p.TSB = TSBToday },
			[]float64{2.3528, 2.2975, 3.4198}, []float64{13.3122, 11.5401, 16.6599},
			[]float64{2.3528 - 13.3122, 2.2975 - 11.5401, 3.4198 - 16.6599}},
		{"seeded", func(p *Params) { p.CTLSeed, p.ATLSeed = 50, 60 },
			[]float64{50 + 0.023528*50, 0, 0}, []float64{60 + 0.133122*40, 0, 0}, []float64{-10, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := DefaultParams()
			tc.p(&p)
			ctl, atl, tsb := PMC(loads, p)
			n := 3
			if tc.name == "seeded" {
				n = 1
			}
			for i := 0; i < n; i++ {
				checkNear(t, "CTL", ctl[i], tc.ctl[i], 0.0002)
				checkNear(t, "ATL", atl[i], tc.atl[i], 0.0002)
				checkNear(t, "TSB", tsb[i], tc.tsb[i], 0.0003)
			}
		})
	}
	// CTL reaches 63 % of a steady load after 42 days (exponential form).
	ctl, _, _ := PMC(constant(42, 100), DefaultParams())
	checkNear(t, "CTL after 42 days of 100", ctl[41], 100*(1-math.Exp(-1)), 1e-9)
	checkNear(t, "k(42)", EWMAConstant(42, DecayExp), 0.023528, 1e-6)
	checkNear(t, "k(7)", EWMAConstant(7, DecayExp), 0.133122, 1e-6)
}

func TestACWR(t *testing.T) {
	p := DefaultParams()
	steady := constant(28, 50)
	spike := append(constant(28, 50), 150)
	tests := []struct {
		name                 string
		loads                []float64
		method               string
		day                  int // 1-based
		acute, chronic, want float64
	}{
		{"ewma steady day 28", steady, ACWREWMA, 28, 50, 50, 1},
		{"ewma spike day 29", spike, ACWREWMA, 29, 75, 56.8966, 1.3182},
		{"coupled spike day 29", spike, ACWRCoupled, 29, 64.2857, 53.5714, 1.2},
		{"uncoupled spike day 29", spike, ACWRUncoupled, 29, 64.2857, 50, 1.2857},
		{"ewma null on day 27", steady, ACWREWMA, 27, 50, 50, Missing()},
		{"coupled null on day 27", steady, ACWRCoupled, 27, 50, Missing(), Missing()},
		{"zero chronic is null", constant(40, 0), ACWREWMA, 40, 0, 0, Missing()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := p
			q.ACWRMethod = tc.method
			r := ComputeACWR(tc.loads, q)
			i := tc.day - 1
			checkNear(t, "acute", r.Acute[i], tc.acute, 0.0001)
			checkNear(t, "chronic", r.Chronic[i], tc.chronic, 0.0001)
			checkNear(t, "ratio", r.Ratio[i], tc.want, 0.0001)
		})
	}
	// The EWMA seed is the first day's load: a zero seed would read 1.156 on
	// day 28 of a constant load; ours reads 1.
	r := ComputeACWR(steady, p)
	checkNear(t, "seeded day 28", r.Ratio[27], 1, 1e-12)
	// A gap of zero days after training: the ratio falls and stays defined.
	gap := append(constant(30, 60), constant(10, 0)...)
	r = ComputeACWR(gap, p)
	if !(r.Ratio[39] < r.Ratio[29]) || !Known(r.Ratio[39]) {
		t.Errorf("after a 10-day gap ratio = %v, want defined and lower than %v", r.Ratio[39], r.Ratio[29])
	}
	if got := ComputeACWR(nil, p); len(got.Ratio) != 0 {
		t.Error("empty series gave values")
	}
}

func TestMonotony(t *testing.T) {
	tests := []struct {
		name         string
		loads        []float64
		sd           string
		mono, strain float64
	}{
		{"mixed week", []float64{40, 60, 0, 50, 80, 30, 0}, SDPopulation, 1.3444, 349.55},
		{"mixed week, sample SD", []float64{40, 60, 0, 50, 80, 30, 0}, SDSample, 1.2447, 323.62},
		{"identical days cap at 10", constant(7, 45), SDPopulation, 10, 3150},
		{"all zero", constant(7, 0), SDPopulation, Missing(), 0},
		{"ratio above 10 is capped", []float64{100, 100, 100, 100, 100, 100, 101}, SDPopulation, 10, 701 * 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, s := Monotony(tc.loads, tc.sd)
			checkNear(t, "monotony", m[6], tc.mono, 0.0001)
			checkNear(t, "strain", s[6], tc.strain, 0.01)
		})
	}
	m, s := Monotony(constant(6, 50), SDPopulation)
	for i := range m {
		if Known(m[i]) || Known(s[i]) {
			t.Fatalf("day %d of 6: monotony %v strain %v, want both null", i+1, m[i], s[i])
		}
	}
}

func TestPercentile90(t *testing.T) {
	// §9: prior loads → P90 = 90 (10th of 11).
	xs := []float64{30, 45, 50, 55, 60, 60, 65, 70, 80, 90, 120}
	checkNear(t, "P90", Percentile90(xs), 90, 0)
	checkNear(t, "P90 of nothing", Percentile90(nil), Missing(), 0)
}
