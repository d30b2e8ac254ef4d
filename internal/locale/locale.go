// Package locale is imported for its side effect: it makes a C.UTF-8 or
// POSIX.UTF-8 locale, common on servers and in containers, read as English
// by the GUI toolkit's locale detection, which would otherwise log a parse
// error on every start, even for command-line use.
//
// It must be imported by package main; Go initialises it before the
// toolkit's packages because its import path sorts first and it depends
// only on the standard library.
package locale

import (
	"os"
	"strings"
)

func init() { Fix(os.Getenv, os.Setenv) }

// Fix sets LANGUAGE=en when the effective locale (the first of LC_ALL,
// LC_MESSAGES and LANG that is set) is C or POSIX with a codeset and
// LANGUAGE is unset. Other settings are left alone.
func Fix(getenv func(string) string, setenv func(string, string) error) {
	var loc string
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(k); loc != "" {
			break
		}
	}
	base, _, hasCodeset := strings.Cut(loc, ".")
	if hasCodeset && (base == "C" || base == "POSIX") && getenv("LANGUAGE") == "" {
		_ = setenv("LANGUAGE", "en")
	}
}
