using Npgsql;
using NpgsqlTypes;
using Pitchey.Database.SlowQueries;

namespace Pitchey.Database.Tests.SlowQueries;

public sealed class ParameterShapeTests
{
    [Fact]
    public void Of_TheSameTypeAgain_NamesItWithTheSameString()
    {
        // Every routed read records its shapes: the type's name is looked up once, not built per parameter.
        var first = ParameterShape.Of(new NpgsqlParameter<string> { TypedValue = "Drama", NpgsqlDbType = NpgsqlDbType.Text }, 1);
        var again = ParameterShape.Of(new NpgsqlParameter<string> { TypedValue = "Comedy", NpgsqlDbType = NpgsqlDbType.Text }, 2);

        Assert.Equal(new ParameterShape(1, "text", 5, false), first);
        Assert.Same(first.Type, again.Type);
    }

    [Fact]
    public void Of_EachKindOfType_NamesItAndSizesItsValue()
    {
        var integer = ParameterShape.Of(new NpgsqlParameter<int> { TypedValue = 25, NpgsqlDbType = NpgsqlDbType.Integer }, 1);
        var array = ParameterShape.Of(new NpgsqlParameter<long[]> { TypedValue = [1, 2, 3], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint }, 2);
        var named = ParameterShape.Of(new NpgsqlParameter { Value = DBNull.Value, DataTypeName = "pitch_status" }, 3);

        Assert.Equal(new ParameterShape(1, "integer", null, false), integer);
        Assert.Equal(new ParameterShape(2, "bigint[]", 3, false), array);
        Assert.Equal(new ParameterShape(3, "pitch_status", null, true), named);
    }
}
