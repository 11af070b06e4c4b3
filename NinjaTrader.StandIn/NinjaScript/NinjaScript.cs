namespace NinjaTrader.NinjaScript
{
    // Root of every NinjaScript type (AddOnBase derives from it directly).
    // https://developer.ninjatrader.com/docs/desktop/onstatechange : protected override void OnStateChange()
    // Description, Name: set in State.SetDefaults as every Help Guide sample does (.../onstatechange); State: current state.
    public abstract class NinjaScript
    {
        public string Description { get; set; }

        public string Name { get; set; }

        public State State { get; private set; }

        protected virtual void OnStateChange()
        {
        }

        // Host-only: moves the script to the next state and lets it react, as NinjaTrader does.
        internal void SetState(State state)
        {
            State = state;
            OnStateChange();
        }
    }
}
