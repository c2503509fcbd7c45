// Package flows embeds the sample clinic's flow files, so that `kapbot demo`
// runs anywhere, even outside a checkout.
package flows

import "embed"

// FS holds clinic.yaml, the flows, their transcript tests and the
// questionnaires.
//
//go:embed *.yaml questionnaires
var FS embed.FS
