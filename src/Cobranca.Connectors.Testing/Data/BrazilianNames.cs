namespace Cobranca.Connectors.Testing;

/// <summary>Word lists for generated people, companies and addresses.</summary>
internal static class BrazilianNames
{
    public static readonly string[] FirstNames =
    [
        "Maria", "José", "Ana", "João", "Antônio", "Francisca", "Carlos", "Paulo", "Adriana", "Lucas",
        "Juliana", "Pedro", "Márcia", "Gabriel", "Fernanda", "Rafael", "Patrícia", "Marcos", "Aline", "Luiz",
        "Sandra", "Felipe", "Camila", "Bruno", "Amanda", "Rodrigo", "Letícia", "Eduardo", "Jéssica", "Gustavo",
        "Vitória", "Matheus", "Raimunda", "Thiago", "Luciana", "Diego", "Tatiane", "Leandro", "Cláudia", "Igor",
        "Josefa", "Sebastião", "Helena", "Davi", "Conceição", "Wellington", "Cícera", "Edson", "Rosângela", "Caio",
    ];

    public static readonly string[] Surnames =
    [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
        "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
        "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
        "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Batista", "Menezes", "Prado", "Conceição",
    ];

    public static readonly string[] Businesses =
    [
        "Mercadinho", "Padaria", "Auto Peças", "Farmácia", "Oficina Mecânica", "Pet Shop", "Lanchonete", "Papelaria",
        "Distribuidora", "Academia", "Clínica Odontológica", "Materiais de Construção", "Restaurante", "Salão de Beleza",
    ];

    public static readonly string[] CompanySuffixes = ["Ltda", "ME", "EIRELI", "Comércio Ltda", "Serviços Ltda"];

    public static readonly string[] Districts =
    [
        "Centro", "Jardim América", "Santa Maria", "São José", "Vila Nova", "Bela Vista", "Industrial", "Boa Vista",
        "Santo Antônio", "Jardim das Flores", "Cidade Nova", "Conjunto Habitacional", "Alto da Colina", "Primavera",
    ];

    public static readonly string[] Streets =
    [
        "Rua Sete de Setembro", "Avenida Brasil", "Rua Tiradentes", "Rua São João", "Avenida Getúlio Vargas",
        "Rua Quinze de Novembro", "Rua das Flores", "Travessa Santa Luzia", "Rua Rio Branco", "Avenida Independência",
        "Rua Duque de Caxias", "Rua Castro Alves", "Rua José de Alencar", "Rua Projetada A", "Avenida Beira Rio",
    ];

    /// <summary>Regional clusters an ISP serves: city, UF, DDD, CEP prefix.</summary>
    public static readonly (string City, string State, int Ddd, string Cep)[][] Regions =
    [
        [("Aracaju", "SE", 79, "490"), ("Nossa Senhora do Socorro", "SE", 79, "491"), ("Itabaiana", "SE", 79, "495"), ("Lagarto", "SE", 79, "494"), ("Estância", "SE", 79, "492")],
        [("Campinas", "SP", 19, "130"), ("Sumaré", "SP", 19, "131"), ("Hortolândia", "SP", 19, "131"), ("Americana", "SP", 19, "134"), ("Piracicaba", "SP", 19, "134")],
        [("Uberlândia", "MG", 34, "384"), ("Uberaba", "MG", 34, "380"), ("Araguari", "MG", 34, "384"), ("Patos de Minas", "MG", 34, "387")],
        [("Londrina", "PR", 43, "860"), ("Cambé", "PR", 43, "861"), ("Ibiporã", "PR", 43, "862"), ("Rolândia", "PR", 43, "866")],
        [("Caruaru", "PE", 81, "550"), ("Gravatá", "PE", 81, "556"), ("Bezerros", "PE", 81, "556"), ("Recife", "PE", 81, "500")],
        [("Feira de Santana", "BA", 75, "440"), ("Alagoinhas", "BA", 75, "480"), ("Santo Antônio de Jesus", "BA", 75, "445")],
    ];
}
