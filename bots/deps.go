package main

import (
	_ "github.com/alicebob/miniredis/v2"
	_ "github.com/bwmarrin/discordgo"
	_ "github.com/expr-lang/expr"
	_ "github.com/go-telegram/bot"
	_ "github.com/gorilla/websocket"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/santhosh-tekuri/jsonschema/v6"
	_ "golang.org/x/term"
	_ "golang.org/x/time/rate"
	_ "gopkg.in/yaml.v3"
)

func main() {}
