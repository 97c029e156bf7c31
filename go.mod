module github.com/workin/workin

go 1.26.8

require (
	github.com/go-echarts/go-echarts/v2 v2.6.7 // indirect
	github.com/gocarina/gocsv v0.0.0-20240520201108-78e41c74b4b1 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
