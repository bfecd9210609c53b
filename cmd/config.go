package cmd

import (
	"cmp"
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"journal/journal"
)

func newCmdConfig(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "config",
		Short: "See and change settings",
		Long: `See and change settings. They live in config.toml in your config folder
(journal config path prints where). Keys:

` + configKeysHelp(),
		Example: `  journal config list
  journal config set standard_drink_grams 8
  journal config set coping_plan "Drink some water" "Text Sam" "Wait 20 minutes"
  journal config set support_contacts "Sam 07700 900123" "Ana 07700 900456"`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newCmdConfigList(f), newCmdConfigGet(f), newCmdConfigSet(f), newCmdConfigUnset(f), newCmdConfigPath(f))
	return c
}

// configKeysHelp lists the keys, each with its description wrapped under
// it, so the help fits 80 columns.
func configKeysHelp() string {
	var b strings.Builder
	for _, k := range journal.ConfigKeys() {
		fmt.Fprintf(&b, "  %s\n", k.Name)
		line := "     "
		for _, w := range strings.Fields(k.Help) {
			if len(line)+1+len(w) > 72 {
				b.WriteString(line + "\n")
				line = "     "
			}
			line += " " + w
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func newCmdConfigList(f *Factory) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:     "list",
		Aliases: []string{"ls"},
		Short:   "Print every setting and its value",
		Example: "  journal config list",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			lc, err := f.loadConfig()
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f.IO.Out, lc.Config)
			}
			s := f.Styles()
			for _, k := range journal.ConfigKeys() {
				if k.SavedAs != "" {
					continue // another way to set a key listed already
				}
				line := journal.CleanLine(strings.TrimRight(tomlLine(k, lc.Config), "\n"))
				if !lc.defined[k.Name] && f.IO.OutTTY {
					line += s.Dim.Render("  # default")
				}
				fmt.Fprintln(f.IO.Out, line)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the settings as JSON")
	return c
}

func newCmdConfigGet(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "get KEY",
		Short:   "Print one setting (list settings print one value a line)",
		Example: "  journal config get standard_drink_grams",
		Args:    exactArgs(1, "a key"),
		RunE: func(c *cobra.Command, args []string) error {
			k, err := journal.LookupConfigKey(args[0])
			if err != nil {
				return err
			}
			lc, err := f.loadConfig()
			if err != nil {
				return err
			}
			for _, v := range k.Get(lc.Config) {
				fmt.Fprintln(f.IO.Out, journal.CleanLine(v))
			}
			return nil
		},
	}
}

func newCmdConfigSet(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use: "set KEY VALUE…",
		// A coping plan is free text: "- Drink water" is a line of it.
		Annotations: map[string]string{freeText: "true"},
		Short:       "Change a setting",
		Long: `Change a setting. coping_plan and support_contacts take several values: each
is one line of the plan, or one contact, and together they replace the old
ones.`,
		Example: `  journal config set standard_drink_grams 8
  journal config set high_craving_threshold 7
  journal config set support_contacts "Sam 07700 900123" "Ana 07700 900456"`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) < 2 {
				return journal.Invalid("config set needs a key and a value, like: journal config set standard_drink_grams 8")
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			k, err := journal.LookupConfigKey(args[0])
			if err != nil {
				return err
			}
			var converted int
			lc, err := f.updateConfig(func(lc *loadedConfig) error {
				old := lc.Config.StandardDrinkGrams
				if err := k.Set(&lc.Config, args[1:]); err != nil {
					return err
				}
				lc.defined[cmp.Or(k.SavedAs, k.Name)] = true
				converted, err = f.keepDrinkGrams(c.Context(), lc, old)
				return err
			})
			if err != nil {
				return err
			}
			vals := k.Get(lc.Config)
			switch {
			case len(vals) == 1 && !k.List:
				fmt.Fprintf(f.IO.Out, "%s is now %s.\n", k.Name, journal.CleanLine(vals[0]))
			case k.Name == "support_contacts":
				fmt.Fprintf(f.IO.Out, "%s now has %s.\n", k.Name, journal.Plural(len(vals), "contact", "contacts"))
			default:
				fmt.Fprintf(f.IO.Out, "%s now has %s.\n", k.Name, journal.Plural(len(vals), "line", "lines"))
			}
			sayConverted(f, converted, lc.Config.StandardDrinkGrams)
			return nil
		},
	}
}

func newCmdConfigUnset(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "unset KEY",
		Short:   "Put a setting back to its default",
		Example: "  journal config unset standard_drink_grams",
		Args:    exactArgs(1, "a key"),
		RunE: func(c *cobra.Command, args []string) error {
			k, err := journal.LookupConfigKey(args[0])
			if err != nil {
				return err
			}
			var converted int
			lc, err := f.updateConfig(func(lc *loadedConfig) error {
				old := lc.Config.StandardDrinkGrams
				// save writes only the keys the file sets: dropping it is enough.
				delete(lc.defined, cmp.Or(k.SavedAs, k.Name))
				if k.Name == "standard_drink_grams" {
					lc.Config.StandardDrinkGrams = journal.DefaultConfig().StandardDrinkGrams
				}
				converted, err = f.keepDrinkGrams(c.Context(), lc, old)
				return err
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(f.IO.Out, "%s is back to its default.\n", k.Name)
			sayConverted(f, converted, lc.Config.StandardDrinkGrams)
			return nil
		},
	}
}

func newCmdConfigPath(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "path",
		Short:   "Print where the config file is",
		Example: "  journal config path",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			p, err := f.configFile()
			if err != nil {
				return err
			}
			fmt.Fprintln(f.IO.Out, p)
			return nil
		},
	}
}

// keepDrinkGrams converts the recorded days of an existing journal when the
// size of a standard drink changes from old, so every day keeps the grams of
// alcohol it was recorded with. The new config is saved inside the same
// transaction: the days and the file change together or not at all. It
// returns how many days were converted.
func (f *Factory) keepDrinkGrams(ctx context.Context, lc *loadedConfig, old float64) (int, error) {
	if lc.Config.StandardDrinkGrams == old {
		return 0, nil
	}
	s, err := f.existingStore(ctx)
	if err != nil || s == nil {
		return 0, err
	}
	return s.ConvertDrinkSize(ctx, old, lc.Config.StandardDrinkGrams, lc.save)
}

// sayConverted tells, in one line, what a new drink size did to past days.
func sayConverted(f *Factory, n int, grams float64) {
	if n == 0 {
		return
	}
	fmt.Fprintf(f.IO.Out, "Your %s with drinks keep their grams of alcohol; their totals are now in drinks of %s g.\n",
		journal.Plural(n, "recorded day", "recorded days"), journal.FormatNumber(grams))
}
