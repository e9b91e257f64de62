using System;
using System.Linq;
using RlSpec.Runtime.Games;
using RlSpec.Runtime.Games.Gambit;
using RlSpec.Runtime.Games.MatrixGame;
using RlSpec.Runtime.Games.NPlayer;

namespace RlSpec.Cli.Games;

/// <summary>Between Gambit .nfg games and the CLI's <see cref="GameModel"/>: a 2-player file is a bimatrix game, more players an n-player game.</summary>
internal static class NfgBridge
{
    public static GameModel ToModel(NfgGame nfg, string name)
    {
        var g = nfg.Game;
        if (g.Players == 2)
        {
            int m = g.Actions(0), n = g.Actions(1);
            var a = new double[m, n];
            var b = new double[m, n];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) { a[i, j] = g.Payoff(0, i * n + j); b[i, j] = g.Payoff(1, i * n + j); }
            return new GameModel(name, GameForm.Bimatrix, nfg.Players, nfg.Strategies, bimatrix: new BimatrixGame(a, b));
        }
        return new GameModel(name, GameForm.NPlayer, nfg.Players, nfg.Strategies, normalForm: g);
    }

    /// <summary>The strategic form of a game, or null (with the reason) for a Markov game.</summary>
    public static NfgGame? FromModel(GameModel game, out string? why)
    {
        why = null;
        NormalFormGame g;
        switch (game.Form)
        {
            case GameForm.Markov:
                why = "a Markov game has no single strategic form; export one state's matrix game instead";
                return null;
            case GameForm.NPlayer: g = game.NormalForm!; break;
            case GameForm.Congestion: g = game.Congestion!.ToNormalForm(); break;
            default: g = game.Bimatrix!.ToNormalForm(); break;
        }
        return new NfgGame(game.Name, game.Players.ToList(), game.Actions.ToList(), g);
    }
}
