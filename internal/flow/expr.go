package flow

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"unicode"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/types"
	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v3"
)

// ExprType returns the expression-language type of a variable of type t. A
// TypeResult has no single type (it depends on the questionnaire; see
// Questionnaire.ResultType) and gives a map of unknown keys.
func ExprType(t VarType) types.Type {
	switch t {
	case TypeNumber:
		return types.Float64
	case TypeText:
		return types.String
	case TypeBool:
		return types.Bool
	case TypeList:
		return types.Array(types.String)
	case TypeResult:
		return types.Map{
			"total": types.Float64, "band": types.String,
			"flags": types.Array(types.String), "risk": types.Bool,
			"valid": types.Bool, "missing": types.Array(types.String), "unknown": types.Array(types.String),
			types.Extra: types.Any,
		}
	}
	return types.Any
}

// Zero returns the value a variable of type t has before it is set, as
// questionnaire expressions see an unanswered item: 0, "", false or an empty
// list; nil for a result.
func (t VarType) Zero() any {
	switch t {
	case TypeNumber:
		return 0.0
	case TypeText:
		return ""
	case TypeBool:
		return false
	case TypeList:
		return []string{}
	}
	return nil
}

// varTypes are the words `vars:` accepts.
var varTypes = []string{string(TypeNumber), string(TypeText), string(TypeBool), string(TypeList)}

// varTypeOf maps the static type of an expression to a variable type; ok is
// false when the type is unknown until run time (any).
func varTypeOf(t reflect.Type) (VarType, bool) {
	if t == nil {
		return "", false
	}
	switch t.Kind() {
	case reflect.Bool:
		return TypeBool, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return TypeNumber, true
	case reflect.String:
		return TypeText, true
	case reflect.Slice, reflect.Array:
		return TypeList, true
	case reflect.Map:
		return TypeResult, true
	}
	return "", false
}

// typeWord names a VarType for messages: "a number".
func typeWord(t VarType) string {
	switch t {
	case TypeNumber:
		return "a number"
	case TypeText:
		return "a text"
	case TypeBool:
		return "true/false (bool)"
	case TypeList:
		return "a list"
	case TypeResult:
		return "a questionnaire result"
	}
	return "a value of unknown type"
}

// reflectWord names the static type of an expression for messages.
func reflectWord(t reflect.Type) string {
	vt, ok := varTypeOf(t)
	if !ok {
		return "a value of unknown type"
	}
	return typeWord(vt)
}

// exprSpec says how an expression is compiled.
type exprSpec struct {
	key  string // the YAML key, first word of messages
	cond bool   // must give a bool
	want VarType
}

// compileExpr compiles the expression src, written at node n, against env and
// reports a problem located inside the expression when it does not compile.
func (r *reader) compileExpr(n *yaml.Node, src string, env types.Map, spec exprSpec) (*vm.Program, bool) {
	opts := []expr.Option{expr.Env(env)}
	if spec.cond {
		opts = append(opts, expr.AsBool())
	}
	if spec.want == TypeNumber {
		opts = append(opts, expr.AsFloat64())
	}
	if strings.TrimSpace(src) == "" {
		r.errorf(n, "%s: empty expression", spec.key)
		return nil, false
	}
	p, err := expr.Compile(src, opts...)
	if err != nil {
		pos, msg := r.exprProblem(n, src, env, err, spec)
		r.sink.errorf(pos, "%s: %s", spec.key, msg)
		return nil, false
	}
	return p, true
}

var (
	unknownNameRe  = regexp.MustCompile(`^unknown name (\S+)$`)
	unknownFieldRe = regexp.MustCompile(`^unknown field (\S+)$`)
	expectedRe     = regexp.MustCompile(`^expected (bool|float64), but got (.+)$`)
)

// exprProblem locates and rewords an expression error for the author.
func (r *reader) exprProblem(n *yaml.Node, src string, env types.Map, err error, spec exprSpec) (Pos, string) {
	pos := r.pos(n)
	var fe *file.Error
	if !errors.As(err, &fe) {
		fe = &file.Error{Message: err.Error()}
	}
	located := fe.Snippet != "" || fe.Column > 0 || fe.From > 0
	// Point into the expression when it is written on one line as is.
	if located && !strings.Contains(src, "\n") && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		q := 0
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			q = 1
		}
		line, s := r.lineAt(n.Line), []rune(src)
		if start := n.Column - 1 + q; start >= 0 && start+len(s) <= len(line) && string(line[start:start+len(s)]) == src {
			pos.Col = n.Column + q + fe.Column
		}
	}
	names := envNames(env)
	msg := fe.Message
	switch {
	case unknownNameRe.MatchString(msg):
		name := unknownNameRe.FindStringSubmatch(msg)[1]
		msg = fmt.Sprintf("unknown name %q%s (known: %s)", name, didYouMean(name, names), list(names, false))
		if strings.TrimSpace(src) == name && strings.HasPrefix(spec.key, "set.") {
			msg += fmt.Sprintf("; to write the text %s, quote it inside the expression: '\"%s\"'", name, name)
		}
	case unknownFieldRe.MatchString(msg):
		name := unknownFieldRe.FindStringSubmatch(msg)[1]
		recv := receiver([]rune(src), fe.From)
		if m, ok := env[recv].(types.Map); ok {
			fields := envNames(m)
			msg = fmt.Sprintf("%s has no field %q%s (fields: %s)", recv, name, didYouMean(name, fields), list(fields, false))
		} else {
			msg = fmt.Sprintf("unknown field %q", name)
		}
	case msg == `unexpected token Operator("=")`:
		msg += "; compare with ==, not ="
	case expectedRe.MatchString(msg):
		m := expectedRe.FindStringSubmatch(msg)
		got := m[2]
		if p, err2 := expr.Compile(src, expr.Env(env)); err2 == nil {
			got = reflectWord(p.Node().Type())
		}
		if m[1] == "bool" {
			msg = fmt.Sprintf("the condition must give true or false, but it gives %s", got)
		} else {
			msg = fmt.Sprintf("the value must be a number, but it gives %s", got)
		}
	}
	return pos, msg
}

// receiver returns the identifier before the '.' that precedes offset from,
// as in "phq2.totl" -> "phq2".
func receiver(src []rune, from int) string {
	i := from - 1
	if i < 0 || i >= len(src) || src[i] != '.' {
		return ""
	}
	i--
	if i >= 0 && src[i] == '?' {
		i--
	}
	end := i + 1
	for i >= 0 && (src[i] == '_' || unicode.IsLetter(src[i]) || unicode.IsDigit(src[i])) {
		i--
	}
	return string(src[i+1 : end])
}

func envNames(env types.Map) []string {
	var out []string
	for k := range env {
		if k != types.Extra {
			out = append(out, k)
		}
	}
	return out
}

// identifiers returns the names an expression reads.
func identifiers(p *vm.Program) map[string]bool {
	v := &identVisitor{names: map[string]bool{}}
	if p != nil {
		node := p.Node()
		ast.Walk(&node, v)
	}
	return v.names
}

// storesWholeEnv reports whether an expression uses $env as a value rather
// than only to read a name from it ($env.x, $env["x"]): a set that stores
// the whole environment would hold itself, which no state can be saved with.
func storesWholeEnv(p *vm.Program) bool {
	v := &envVisitor{}
	node := p.Node()
	ast.Walk(&node, v)
	return v.whole > v.read
}

type envVisitor struct{ whole, read int }

// Visit counts $env identifiers and the member reads made on them.
func (v *envVisitor) Visit(n *ast.Node) {
	switch x := (*n).(type) {
	case *ast.IdentifierNode:
		if x.Value == "$env" {
			v.whole++
		}
	case *ast.MemberNode:
		if id, ok := x.Node.(*ast.IdentifierNode); ok && id.Value == "$env" {
			v.read++
		}
	}
}

type identVisitor struct{ names map[string]bool }

// Visit records identifiers.
func (v *identVisitor) Visit(n *ast.Node) {
	if id, ok := (*n).(*ast.IdentifierNode); ok {
		v.names[id.Value] = true
	}
}

// scalarExpr returns the source of an expression written as a YAML scalar.
func (r *reader) scalarExpr(n *yaml.Node, key string) (string, bool) {
	n = r.deref(n)
	if n == nil {
		return "", false
	}
	if n.Kind != yaml.ScalarNode || isNull(n) {
		r.errorf(n, "%s: expected an expression, got %s", key, describe(n))
		return "", false
	}
	return n.Value, true
}
