package team

import "sync"

// ordered runs produce for 0…n−1 on workers goroutines and hands each
// result to consume in index order, holding at most a few results at a
// time. Output order never depends on scheduling. The first error stops
// the run and is returned.
func ordered[T any](n, workers int, produce func(int) (T, error), consume func(int, T) error) error {
	type result struct {
		v   T
		err error
	}
	slots := make([]chan result, n)
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	window := make(chan struct{}, 2*workers)
	next := make(chan int)
	done := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()   // runs last: workers end once the feeder stops
	defer close(done) // runs first: stops the feeder
	go func() {
		defer close(next)
		for i := 0; i < n; i++ {
			select {
			case window <- struct{}{}:
			case <-done:
				return
			}
			select {
			case next <- i:
			case <-done:
				return
			}
		}
	}()
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				v, err := produce(i)
				slots[i] <- result{v, err}
			}
		}()
	}
	for i := 0; i < n; i++ {
		res := <-slots[i]
		<-window
		if res.err != nil {
			return res.err
		}
		if err := consume(i, res.v); err != nil {
			return err
		}
	}
	return nil
}
