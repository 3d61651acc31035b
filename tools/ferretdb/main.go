// Command ferretdb serves FerretDB v1 (the MongoDB wire protocol over PostgreSQL or SQLite)
// where no mongod can be downloaded: embedded by Foro on SQLite, or on PostgreSQL for
// production-like setups and CI.
//
// It embeds FerretDB as a library because `go install .../cmd/ferretdb` builds a
// binary that panics at start (its version file is not part of the module).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// version is printed by -version; Foro runs it to tell a working binary from a broken one.
const version = "foro-ferretdb v1.24.2"

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to serve the MongoDB wire protocol on")
	handler := flag.String("handler", "postgresql", "storage: postgresql or sqlite")
	pgURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5432/ferretdb", "PostgreSQL database that holds the data")
	sqliteURL := flag.String("sqlite-url", "", "SQLite folder that holds the data, as file:/path/ (ending in /)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	exitWithParent := flag.Bool("exit-with-parent", false, "stop when the process that started this one is gone")
	printVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()

	if *printVersion {
		fmt.Println(version)
		return
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb: bad -log-level:", err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := ferretdb.Config{Listener: ferretdb.ListenerConfig{TCP: *listen}, Handler: *handler, Logger: logger}
	switch *handler {
	case "postgresql":
		config.PostgreSQLURL = *pgURL
	case "sqlite":
		if *sqliteURL == "" {
			fmt.Fprintln(os.Stderr, "ferretdb: -sqlite-url is required with -handler sqlite")
			os.Exit(2)
		}
		config.SQLiteURL = *sqliteURL
	default:
		fmt.Fprintln(os.Stderr, "ferretdb: -handler must be postgresql or sqlite")
		os.Exit(2)
	}

	f, err := ferretdb.New(&config)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb: cannot start:", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *exitWithParent {
		go stopWhenOrphaned(stop)
	}

	fmt.Fprintf(os.Stderr, "ferretdb: serving mongodb://%s/ (%s)\n", *listen, *handler)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, "ferretdb: stopped with error:", err)
		os.Exit(1)
	}
}

// stopWhenOrphaned stops the server once its parent has died (the parent becomes another
// process), so an embedded server never outlives a Foro that was killed.
func stopWhenOrphaned(stop context.CancelFunc) {
	parent := os.Getppid()
	for range time.Tick(time.Second) {
		if os.Getppid() != parent {
			stop()
			return
		}
	}
}
