package main
import (
 _ "github.com/expr-lang/expr"
 _ "gopkg.in/yaml.v3"
 _ "github.com/alicebob/miniredis/v2"
 _ "github.com/redis/go-redis/v9"
 _ "github.com/prometheus/client_golang/prometheus"
 _ "golang.org/x/time/rate"
 _ "golang.org/x/term"
)
func main(){}
