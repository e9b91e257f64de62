// RlSpec: a modeling language for sequential decision problems.
//
// This grammar is the single source of truth for the syntax. The C# lexer and parser in
// src/RlSpec.Compiler/Syntax/Generated are produced from it by grammar/generate.sh (pinned
// antlr-ng in grammar/package.json) and committed; .ci/run fails when they disagree.
//
// The language is newline-insensitive: members are recognised by their leading keyword, by the
// `action (when guard)? :` shape of a transition rule, or as a setting `name value, ...` (`runs 1000`,
// `arms ...`, `compare ucb1, kl_ucb`) whose name the declaration's kind interprets.
// docs/language.md is the reference.
grammar RlSpec;

// ---------------------------------------------------------------------------------------------
// Files and models
// ---------------------------------------------------------------------------------------------

file
    : model* EOF
    ;

// `experiment Regret on Bernoulli9 { ... }` names another declaration of the file; modifiers follow
// the name (`game RPS zero_sum { ... }`). Which kinds take `on` and which modifiers is the kind's call.
model
    : kind=ID name=ID (ON target=ID)? (modifier+=ID)* LBRACE member* RBRACE
    ;

// ---------------------------------------------------------------------------------------------
// Members of a model
// ---------------------------------------------------------------------------------------------

member
    : PARAM paramDecl (COMMA paramDecl)*                                  # paramMember
    | LET name=ID ASSIGN expr                                             # letMember
    | LET name=ID TILDE expr                                              # randomMember
    | STATE stateVar (COMMA stateVar)*                                    # stateMember
    | ACTION actionDecl (COMMA actionDecl)*                               # actionMember
    | INIT initBranch (BAR initBranch)*                                   # initMember
    | DISCOUNT expr                                                       # discountMember
    | HORIZON expr                                                        # horizonMember
    | AVERAGE                                                             # averageMember
    | UNTIL expr                                                          # untilMember
    | DEFAULT COLON outcomes                                              # defaultMember
    | TRANSITION name=ID ASSIGN expr                                      # transitionTableMember
    | REWARD ASSIGN expr                                                  # rewardTableMember
    | REWARD actionRef? (WHEN guard=expr)? COLON value=expr               # rewardMember
    | REWARD LPAREN ID (COMMA ID)* RPAREN op=(TILDE | ASSIGN) value=expr  # rewardFunctionMember
    // The `problem` kind (docs/optimization.md): a variable with its shape, domain and initialization,
    // `var X : matrix(n, k) in ball(1) init gaussian(scale = 1e-3, seed = 3)`. The leading word is a plain
    // name (no new reserved word); the kind checks that it is `var`.
    | word=ID name=ID COLON shape=expr (IN domain=expr)? (INIT init=expr)? # variableMember
    // The `problem` kind: a saddle-point objective `min x max y f(x, y)`. `min` and `max` stay plain names
    // (they are also functions); the kind checks the two words.
    | minWord=ID minVars+=ID (COMMA minVars+=ID)* maxWord=ID maxVars+=ID (COMMA maxVars+=ID)* body=expr # saddleMember
    | actionRef (WHEN guard=expr)? COLON outcomes                         # ruleMember
    | key=ID argument (COMMA argument)*                                   # settingMember
    ;

paramDecl
    : name=ID (COLON type=(INT_TYPE | REAL_TYPE | BOOL_TYPE))? ASSIGN expr
    ;

stateVar
    : name=ID IN lo=expr DOTDOT hi=expr                                   # rangeStateVar
    | name=ID COLON BOOL_TYPE                                             # boolStateVar
    | name=ID IN LBRACE ID (COMMA ID)* RBRACE                              # enumStateVar
    ;

actionDecl
    : name=ID (LPAREN index=ID IN lo=expr DOTDOT hi=expr RPAREN)? (WHEN guard=expr)?
    ;

actionRef
    : name=ID (LPAREN index=ID RPAREN)?
    ;

initBranch
    : initAssignment (COMMA initAssignment)* (AT prob=expr)?
    ;

initAssignment
    : name=ID ASSIGN expr
    ;

outcomes
    : branch (BAR branch)*
    ;

branch
    : outcome (AT prob=expr)?
    ;

outcome
    : STAY                                                                # stayOutcome
    | assignment (COMMA assignment)*                                      # assignOutcome
    ;

assignment
    : name=ID PRIME ASSIGN expr
    ;

// ---------------------------------------------------------------------------------------------
// Expressions, from the tightest binding to the loosest
// ---------------------------------------------------------------------------------------------

expr
    : primary                                                             # primaryExpr
    | expr LBRACK index=expr RBRACK                                       # indexExpr
    | <assoc = right> expr op=CARET expr                                  # powerExpr
    | op=(MINUS | BANG) expr                                              # unaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr                               # multiplyExpr
    | expr op=(PLUS | MINUS) expr                                         # addExpr
    | expr op=(LT | LE | GT | GE | EQ | NE) expr                          # compareExpr
    | expr op=AND expr                                                    # andExpr
    | expr op=OR expr                                                     # orExpr
    | expr op=(TRUNCATED | CLAMPED) lo=expr DOTDOT hi=expr                # truncateExpr
    | IF cond=expr THEN then=expr ELSE otherwise=expr                     # ifExpr
    ;

primary
    : INT_LIT                                                             # intLiteral
    | REAL_LIT                                                            # realLiteral
    | STRING_LIT                                                          # stringLiteral
    | (TRUE | FALSE)                                                      # boolLiteral
    | SUM LPAREN var=ID IN lo=expr DOTDOT hi=expr COMMA body=expr RPAREN  # sumExpr
    | name=ID LPAREN (argument (COMMA argument)*)? RPAREN                 # callExpr
    | name=ID PRIME                                                       # primedName
    | name=ID                                                             # name
    | LPAREN expr RPAREN                                                  # parenExpr
    | LBRACK element=expr FOR var=ID IN lo=expr DOTDOT hi=expr RBRACK     # comprehensionExpr
    | LBRACK (expr (COMMA expr)*)? RBRACK                                 # listExpr
    ;

argument
    : (name=ID ASSIGN)? expr
    ;

// ---------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------

PARAM      : 'param';
LET        : 'let';
STATE      : 'state';
ACTION     : 'action';
INIT       : 'init';
DISCOUNT   : 'discount';
HORIZON    : 'horizon';
AVERAGE    : 'average';
UNTIL      : 'until';
DEFAULT    : 'default';
TRANSITION : 'transition';
REWARD     : 'reward';
WHEN       : 'when';
STAY       : 'stay';
IN         : 'in';
ON         : 'on';
FOR        : 'for';
SUM        : 'sum';
IF         : 'if';
THEN       : 'then';
ELSE       : 'else';
TRUE       : 'true';
FALSE      : 'false';
TRUNCATED  : 'truncated';
CLAMPED    : 'clamped';
INT_TYPE   : 'int';
REAL_TYPE  : 'real';
BOOL_TYPE  : 'bool';

LBRACE  : '{';
RBRACE  : '}';
LPAREN  : '(';
RPAREN  : ')';
LBRACK  : '[';
RBRACK  : ']';
COMMA   : ',';
COLON   : ':';
DOTDOT  : '..';
ASSIGN  : '=';
TILDE   : '~';
BAR     : '|';
AT      : '@';
PRIME   : '\'';
CARET   : '^';
PLUS    : '+';
MINUS   : '-';
STAR    : '*';
SLASH   : '/';
PERCENT : '%';
LE      : '<=';
GE      : '>=';
EQ      : '==';
NE      : '!=';
LT      : '<';
GT      : '>';
AND     : '&&';
OR      : '||';
BANG    : '!';

// A real needs a digit after its point, so that `0..N` lexes as 0, .., N.
REAL_LIT
    : DIGITS '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;

INT_LIT
    : DIGITS
    ;

// A label or a title: double quotes, no line break inside; \" and \\ escape.
STRING_LIT
    : '"' (~["\\\r\n] | '\\' ["\\])* '"'
    ;

ID
    : [a-zA-Z_] [a-zA-Z0-9_]*
    ;

LINE_COMMENT
    : '//' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \t\r\n\u000C]+ -> skip
    ;

// Anything else is a lexical error; it becomes one token so that the parser reports it once.
UNKNOWN_CHAR
    : .
    ;

fragment DIGITS
    : [0-9] ([0-9_]* [0-9])?
    ;

fragment EXPONENT
    : [eE] [+-]? [0-9]+
    ;
