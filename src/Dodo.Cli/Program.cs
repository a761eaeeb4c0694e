using Dodo.Cli;

return DodoCommandLine.Run(args, Console.Out, Console.Error);
