import TabibCore
